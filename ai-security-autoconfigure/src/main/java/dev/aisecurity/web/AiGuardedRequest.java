package dev.aisecurity.web;

import dev.aisecurity.ratelimit.RateLimitSubject;

/**
 * What the {@link AiGuarded} interceptor established for a request, exposed as the
 * request attribute {@link #ATTRIBUTE} for the guard advisors (profile, input limit) and
 * for applications (tier, subject).
 *
 * @param endpoint the handler, {@code SimpleClassName#method}
 * @param profile the guard profile, empty for the default
 * @param maxInputBytes the endpoint's input limit, -1 when not overridden
 * @param subject the rate-limit subject, null when rate limiting is off
 */
public record AiGuardedRequest(String endpoint, String profile, int maxInputBytes, RateLimitSubject subject) {

	/** The request attribute name. */
	public static final String ATTRIBUTE = AiGuardedRequest.class.getName();

}
