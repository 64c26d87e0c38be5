package dev.aisecurity.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The incident-response kill switch: while engaged, every AI call is refused (the
 * {@link KillSwitchAdvisor} on each ChatClient, the {@link KillSwitchChatModel} around
 * each model and the {@code @AiGuarded} endpoints). Thread-safe; the state is replaced
 * atomically so readers always see a consistent (engaged, since, by) triple.
 */
public final class KillSwitch {

	private final AtomicReference<State> state;

	private final Clock clock;

	/**
	 * Create a kill switch.
	 * @param engaged the initial state ({@code ai.security.kill-switch})
	 */
	public KillSwitch(boolean engaged) {
		this(engaged, Clock.systemUTC());
	}

	KillSwitch(boolean engaged, Clock clock) {
		this.clock = clock;
		this.state = new AtomicReference<>(new State(engaged, clock.instant(), "configuration"));
	}

	/**
	 * Whether AI calls are currently refused.
	 * @return true when engaged
	 */
	public boolean isEngaged() {
		return this.state.get().engaged();
	}

	/**
	 * The current state.
	 * @return the state
	 */
	public State state() {
		return this.state.get();
	}

	/**
	 * Engage or disengage the switch.
	 * @param engaged the new state
	 * @param changedBy who changed it (a principal name, never a credential)
	 * @return the previous state
	 */
	public State set(boolean engaged, String changedBy) {
		return this.state.getAndSet(new State(engaged, this.clock.instant(), changedBy));
	}

	/**
	 * Throw when engaged.
	 * @throws KillSwitchEngagedException when AI calls are suspended
	 */
	public void check() {
		if (isEngaged()) {
			throw new KillSwitchEngagedException();
		}
	}

	/**
	 * A state of the switch.
	 *
	 * @param engaged whether AI calls are refused
	 * @param since when this state began
	 * @param changedBy who set it ({@code configuration} for the initial state)
	 */
	public record State(boolean engaged, Instant since, String changedBy) {

	}

}
