package dev.aisecurity.ratelimit;

import java.time.Instant;

/**
 * Published (as a Spring application event) when a request is refused for a rate limit,
 * token budget or concurrency limit. Metadata only: never a prompt, key or address; the
 * subject is a principal id or {@code anonymous:<keyed hash of the address>}.
 *
 * @param timestamp when it happened
 * @param subject who: principal id or anonymous hash
 * @param endpoint the handler, e.g. {@code ChatController#chat}
 * @param tier the tier applied
 * @param code the stable problem code, e.g. {@code AI_RATE_LIMITED}
 * @param limit the quota that refused, e.g. {@code requests-minute}, may be null
 * @param retryAfterSeconds the advised delay
 */
public record RateLimitEvent(Instant timestamp, String subject, String endpoint, String tier, String code, String limit,
		long retryAfterSeconds) {

	/** The audit event type used when this event is bridged to Boot's audit events. */
	public static final String AUDIT_TYPE = "AI_RATE_LIMITED";

}
