package dev.aisecurity.web;

import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event) for every {@link AiGuarded} authorization
 * decision. Metadata only.
 *
 * @param timestamp when it happened
 * @param principal the principal id, or {@code anonymous}
 * @param endpoint the handler, {@code SimpleClassName#method}
 * @param granted whether access was granted
 * @param code the stable problem code when refused, {@code null} when granted
 * @param missingFactors factor authorities that were missing or expired, if any
 */
public record AiGuardedDecisionEvent(Instant timestamp, String principal, String endpoint, boolean granted, String code,
		List<String> missingFactors) {

	/** The audit event type used when a refusal is bridged to Boot's audit events. */
	public static final String AUDIT_TYPE = "AI_ACCESS_DENIED";

}
