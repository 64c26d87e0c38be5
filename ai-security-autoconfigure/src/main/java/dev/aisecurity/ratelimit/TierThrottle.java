package dev.aisecurity.ratelimit;

/**
 * Asks for a principal to be rate-limited as a lower tier for now (e.g. while the
 * model-extraction detector suspects it). Consulted for every authenticated subject, so
 * it must be cheap.
 */
@FunctionalInterface
public interface TierThrottle {

	/**
	 * Whether the principal is throttled now.
	 * @param principal the principal name
	 * @return true to apply the throttle tier
	 */
	boolean throttled(String principal);

	/**
	 * The name of the tier a throttled principal is limited as.
	 * @return a configured tier name, or {@code null} for the lowest configured tier
	 * (fewest requests per minute) other than the anonymous tier
	 */
	default String tier() {
		return null;
	}

}
