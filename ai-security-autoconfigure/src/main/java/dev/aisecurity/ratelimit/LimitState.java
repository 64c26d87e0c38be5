package dev.aisecurity.ratelimit;

import java.time.Duration;

/**
 * The outcome of one quota check.
 *
 * @param limit the quota
 * @param allowed whether the units were granted
 * @param remaining the units left in the current window after this check (never negative)
 * @param reset time until the current window ends
 * @param retryAfter when {@code allowed} is false, how long until the request could
 * succeed; zero otherwise
 */
public record LimitState(Limit limit, boolean allowed, long remaining, Duration reset, Duration retryAfter) {

	/**
	 * The reset time in whole seconds, rounded up, at least one.
	 * @return seconds
	 */
	public long resetSeconds() {
		return ceilSeconds(this.reset);
	}

	/**
	 * The retry delay in whole seconds, rounded up, at least one.
	 * @return seconds
	 */
	public long retryAfterSeconds() {
		return ceilSeconds(this.retryAfter);
	}

	private static long ceilSeconds(Duration duration) {
		long nanos = duration.toNanos();
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}

}
