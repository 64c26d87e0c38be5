package dev.aisecurity.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of admitting one request.
 *
 * @param allowed whether the request may proceed
 * @param reason why it was refused, or {@code null} when allowed
 * @param tier the tier applied
 * @param states the quota states checked, in order (for the rate-limit headers)
 * @param binding the state to report in the {@code RateLimit} header: the refusing quota,
 * or the one with the fewest units left; {@code null} when the tier has no quotas
 * @param permit releases the concurrency slot; call exactly once when the request ends
 */
public record RateLimitDecision(boolean allowed, Reason reason, Tier tier, List<LimitState> states, LimitState binding,
		Runnable permit) {

	/**
	 * How long the client should wait, for the {@code Retry-After} header.
	 * @return the delay, zero when allowed
	 */
	public Duration retryAfter() {
		if (this.allowed) {
			return Duration.ZERO;
		}
		return (this.binding != null) ? this.binding.retryAfter() : Duration.ofSeconds(1);
	}

	/**
	 * Why a request was refused.
	 */
	public enum Reason {

		/** A request quota (per minute or per day) is used up. */
		REQUESTS("AI_RATE_LIMITED"),

		/** A token budget is used up. */
		TOKENS("AI_TOKEN_BUDGET_EXHAUSTED"),

		/** Too many requests of this subject are in flight. */
		CONCURRENCY("AI_TOO_MANY_CONCURRENT_REQUESTS");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/**
		 * The stable problem code.
		 * @return the code
		 */
		public String code() {
			return this.code;
		}

	}

}
