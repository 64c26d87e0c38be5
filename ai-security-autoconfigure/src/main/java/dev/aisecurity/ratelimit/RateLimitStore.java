package dev.aisecurity.ratelimit;

/**
 * Where quota counters live. One counter per (key, {@link Limit#name()}). Implementations
 * must be exact under concurrency: when N callers race for a quota of Q, exactly
 * {@code min(N, Q)} succeed within one window. Built in:
 * {@link Resilience4jRateLimitStore} (in memory, one instance) and
 * {@link RedisRateLimitStore} (Bucket4j over Lettuce, shared by every instance using the
 * same Redis).
 */
public interface RateLimitStore {

	/**
	 * Take {@code amount} units if all of them are available, otherwise none.
	 * @param key the subject and bucket, e.g. {@code p:alice:chat}
	 * @param limit the quota
	 * @param amount units to take, at least one
	 * @return the outcome
	 */
	LimitState tryConsume(String key, Limit limit, long amount);

	/**
	 * Report without consuming: allowed when at least one unit is left.
	 * @param key the subject and bucket
	 * @param limit the quota
	 * @return the current state
	 */
	LimitState probe(String key, Limit limit);

	/**
	 * Take units after the fact (model tokens reported by the response), even if fewer
	 * are left: the window is then exhausted. Stores that can overdraw carry the debt
	 * into the next window.
	 * @param key the subject and bucket
	 * @param limit the quota
	 * @param amount units used
	 */
	void debit(String key, Limit limit, long amount);

}
