package dev.aisecurity.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a decision as the IETF httpapi rate-limit headers
 * (draft-ietf-httpapi-ratelimit- headers: {@code RateLimit-Policy} lists every quota as
 * {@code "name";q=quota;w=window
 * seconds}, {@code RateLimit} reports the binding one as {@code "name";r=remaining;t=
 * seconds to reset}) plus {@code Retry-After} (RFC 9110) when refused.
 */
public final class RateLimitHeaders {

	/** The policy header. */
	public static final String POLICY = "RateLimit-Policy";

	/** The state header. */
	public static final String STATE = "RateLimit";

	/** The retry header. */
	public static final String RETRY_AFTER = "Retry-After";

	private RateLimitHeaders() {
	}

	/**
	 * The headers for a decision.
	 * @param decision the decision
	 * @return header names and values, in order
	 */
	public static Map<String, String> of(RateLimitDecision decision) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (!decision.states().isEmpty()) {
			headers.put(POLICY, policy(decision.states()));
		}
		String state = state(decision);
		if (state != null) {
			headers.put(STATE, state);
		}
		if (!decision.allowed()) {
			LimitState binding = decision.binding();
			headers.put(RETRY_AFTER, Long.toString((binding != null) ? binding.retryAfterSeconds() : 1));
		}
		return headers;
	}

	/**
	 * The {@code RateLimit-Policy} value for the quotas checked.
	 * @param states the quota states, in order
	 * @return the header value, empty when there are none
	 */
	public static String policy(List<LimitState> states) {
		StringBuilder policy = new StringBuilder();
		for (LimitState state : states) {
			if (!policy.isEmpty()) {
				policy.append(", ");
			}
			policy.append('"')
				.append(state.limit().name())
				.append("\";q=")
				.append(state.limit().quota())
				.append(";w=")
				.append(state.limit().window().toSeconds());
		}
		return policy.toString();
	}

	/**
	 * The {@code RateLimit} value: the binding quota's remaining units and reset.
	 * @param decision the decision
	 * @return the header value, or {@code null} when the decision has no binding quota
	 */
	public static String state(RateLimitDecision decision) {
		LimitState binding = decision.binding();
		if (binding == null) {
			return null;
		}
		return "\"" + binding.limit().name() + "\";r=" + binding.remaining() + ";t=" + binding.resetSeconds();
	}

}
