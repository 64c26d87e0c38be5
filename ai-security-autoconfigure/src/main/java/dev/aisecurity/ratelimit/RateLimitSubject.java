package dev.aisecurity.ratelimit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is being limited, under which tier, for the duration of one request. Held in a
 * thread-local (and in the Reactor context of a streamed response) so that the
 * {@link TokenBudgetChatModel} can debit the model's token usage to the right budget.
 *
 * @param key the counter key (subject and bucket)
 * @param label the subject for events: a principal id or an anonymous hash
 * @param tier the tier applied
 */
public record RateLimitSubject(String key, String label, Tier tier) {

	/** The Reactor context key under which the subject travels with a stream. */
	public static final String CONTEXT_KEY = RateLimitSubject.class.getName();

	private static final ThreadLocal<RateLimitSubject> CURRENT = new ThreadLocal<>();

	// the usual scope, opened with no subject current: nothing to capture
	private static final Scope CLEAR = () -> CURRENT.set(null);

	public RateLimitSubject {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(tier, "tier");
	}

	/**
	 * The subject of the request being handled on this thread.
	 * @return the subject, if any
	 */
	public static Optional<RateLimitSubject> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * Make this the current subject until the returned scope is closed.
	 * @return the scope, restoring the previous subject on close
	 */
	public Scope open() {
		RateLimitSubject previous = CURRENT.get();
		CURRENT.set(this);
		// restored with set, not remove: a request-thread pool reuses its threads, and
		// removing the entry each time makes the next request re-insert it and clean
		// stale slots of the thread's map (the null left behind is the subject-less
		// state)
		return (previous == null) ? CLEAR : () -> CURRENT.set(previous);
	}

	/**
	 * Restores the previous subject.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
