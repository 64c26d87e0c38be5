package dev.aisecurity.test.redteam;

import java.util.Objects;
import java.util.function.Function;

/**
 * Something to attack: an HTTP endpoint ({@link HttpTarget}, {@link MockMvcTarget},
 * {@link WebTestClientTarget}), a {@code ChatClient} ({@link ChatClientTarget}) or any
 * function from a message to an answer ({@link #of(String, Function)}).
 */
public interface AttackTarget {

	/**
	 * Send one attack. Exceptions thrown by the application should be returned as
	 * {@link TargetResponse#exception(Throwable)}; an exception thrown from here is
	 * judged the same way.
	 * @param attack the attack
	 * @return what came back
	 * @throws Exception when the attack could not be sent
	 */
	TargetResponse send(Attack attack) throws Exception;

	/**
	 * Whether the target can send raw HTTP bodies ({@link Attack#isRawBody()}); others
	 * skip those attacks.
	 */
	default boolean supportsRawBodies() {
		return false;
	}

	/**
	 * A name for reports.
	 */
	default String name() {
		return getClass().getSimpleName();
	}

	/**
	 * A target that calls a function with the message: a service method, a model client.
	 * Exceptions it throws are judged (an {@code AiGuardException} is a block).
	 * @param name the name for reports
	 * @param call the function
	 * @return the target
	 */
	static AttackTarget of(String name, Function<String, String> call) {
		Objects.requireNonNull(call, "call");
		return new AttackTarget() {

			@Override
			public TargetResponse send(Attack attack) {
				try {
					return TargetResponse.answer(call.apply(attack.text()));
				}
				catch (RuntimeException ex) {
					return TargetResponse.exception(ex);
				}
			}

			@Override
			public String name() {
				return name;
			}

		};
	}

}
