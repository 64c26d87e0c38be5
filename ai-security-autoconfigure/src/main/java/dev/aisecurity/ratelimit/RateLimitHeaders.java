package dev.aisecurity.ratelimit;

import java.util.LinkedHashMap;
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
			StringBuilder policy = new StringBuilder();
			for (LimitState state : decision.states()) {
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
			headers.put(POLICY, policy.toString());
		}
		LimitState binding = decision.binding();
		if (binding != null) {
			headers.put(STATE,
					"\"" + binding.limit().name() + "\";r=" + binding.remaining() + ";t=" + binding.resetSeconds());
		}
		if (!decision.allowed()) {
			headers.put(RETRY_AFTER, Long.toString((binding != null) ? binding.retryAfterSeconds() : 1));
		}
		return headers;
	}

}
