package dev.aisecurity.ratelimit;

import java.time.Duration;

/**
 * The outcome of one quota check. Times are held in nanoseconds so that an admitted
 * request, checked against every quota of its tier, builds no {@link Duration}.
 *
 * @param limit the quota
 * @param allowed whether the units were granted
 * @param remaining the units left in the current window after this check (never negative)
 * @param resetNanos nanoseconds until the current window ends
 * @param retryAfterNanos when {@code allowed} is false, nanoseconds until the request
 * could succeed; zero otherwise
 */
public record LimitState(Limit limit, boolean allowed, long remaining, long resetNanos, long retryAfterNanos) {

	/**
	 * Create a state from durations.
	 * @param limit the quota
	 * @param allowed whether the units were granted
	 * @param remaining the units left in the current window after this check
	 * @param reset time until the current window ends
	 * @param retryAfter when {@code allowed} is false, how long until the request could
	 * succeed; zero otherwise
	 */
	public LimitState(Limit limit, boolean allowed, long remaining, Duration reset, Duration retryAfter) {
		this(limit, allowed, remaining, reset.toNanos(), retryAfter.toNanos());
	}

	/**
	 * Time until the current window ends.
	 * @return the duration
	 */
	public Duration reset() {
		return Duration.ofNanos(this.resetNanos);
	}

	/**
	 * When refused, how long until the request could succeed; zero otherwise.
	 * @return the duration
	 */
	public Duration retryAfter() {
		return Duration.ofNanos(this.retryAfterNanos);
	}

	/**
	 * The reset time in whole seconds, rounded up, at least one.
	 * @return seconds
	 */
	public long resetSeconds() {
		return ceilSeconds(this.resetNanos);
	}

	/**
	 * The retry delay in whole seconds, rounded up, at least one.
	 * @return seconds
	 */
	public long retryAfterSeconds() {
		return ceilSeconds(this.retryAfterNanos);
	}

	private static long ceilSeconds(long nanos) {
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}

}
