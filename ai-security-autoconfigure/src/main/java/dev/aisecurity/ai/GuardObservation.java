package dev.aisecurity.ai;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.aisecurity.guard.AiGuardException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Runs guard work as a Micrometer {@link Observation} named {@value #NAME}, so it appears
 * in the same trace as Spring AI's {@code gen_ai} observations. Low-cardinality keys
 * only: {@code direction} and {@code decision} ({@code allow}, {@code sanitize},
 * {@code block} or {@code error}); never any text.
 */
final class GuardObservation {

	/** Name of the guard observation. */
	static final String NAME = "ai.security.guard";

	/** Key of the direction ({@code input} or {@code output}). */
	static final String DIRECTION = "direction";

	/** Key of the outcome. */
	static final String DECISION = "decision";

	private GuardObservation() {
	}

	/**
	 * Run the guard work, observed unless the registry is a no-op one (then it costs
	 * nothing).
	 */
	static <T> T observe(ObservationRegistry registry, String direction, Supplier<T> work,
			Function<T, String> decision) {
		if (registry.isNoop()) {
			return work.get();
		}
		Observation observation = Observation.createNotStarted(NAME, registry)
			.contextualName("ai security " + direction + " guard")
			.lowCardinalityKeyValue(DIRECTION, direction)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = work.get();
			observation.lowCardinalityKeyValue(DECISION, decision.apply(result));
			return result;
		}
		catch (AiGuardException ex) {
			// a refusal by exception is the guard working, not failing
			observation.lowCardinalityKeyValue(DECISION, "block");
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			observation.lowCardinalityKeyValue(DECISION, "error");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

}
