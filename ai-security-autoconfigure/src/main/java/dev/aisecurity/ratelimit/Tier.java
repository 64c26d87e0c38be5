package dev.aisecurity.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named set of quotas. A value of zero or less means "no limit" for that quota.
 *
 * @param name the tier name (e.g. {@code free}, {@code pro}, {@code anonymous})
 * @param requestsPerMinute requests per minute
 * @param requestsPerDay requests per day
 * @param tokensPerMinute model tokens (prompt plus completion) per minute
 * @param tokensPerDay model tokens per day
 * @param maxConcurrent requests in flight at once (per instance)
 */
public record Tier(String name, long requestsPerMinute, long requestsPerDay, long tokensPerMinute, long tokensPerDay,
		int maxConcurrent) {

	/** Policy name of the per-minute request quota. */
	public static final String REQUESTS_MINUTE = "requests-minute";

	/** Policy name of the per-day request quota. */
	public static final String REQUESTS_DAY = "requests-day";

	/** Policy name of the per-minute token budget. */
	public static final String TOKENS_MINUTE = "tokens-minute";

	/** Policy name of the per-day token budget. */
	public static final String TOKENS_DAY = "tokens-day";

	public Tier {
		Objects.requireNonNull(name, "name");
	}

	/**
	 * The request quotas that apply.
	 * @return the limits, possibly empty
	 */
	public List<Limit> requestLimits() {
		return limits(REQUESTS_MINUTE, this.requestsPerMinute, REQUESTS_DAY, this.requestsPerDay);
	}

	/**
	 * The token budgets that apply.
	 * @return the limits, possibly empty
	 */
	public List<Limit> tokenLimits() {
		return limits(TOKENS_MINUTE, this.tokensPerMinute, TOKENS_DAY, this.tokensPerDay);
	}

	private static List<Limit> limits(String minuteName, long perMinute, String dayName, long perDay) {
		List<Limit> limits = new ArrayList<>(2);
		if (perMinute > 0) {
			limits.add(new Limit(minuteName, perMinute, Duration.ofMinutes(1)));
		}
		if (perDay > 0) {
			limits.add(new Limit(dayName, perDay, Duration.ofDays(1)));
		}
		return List.copyOf(limits);
	}

}
