package dev.aisecurity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.aisecurity.ratelimit.RateLimitEvent;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Republishes refusals ({@link AiGuardedDecisionEvent} with {@code granted=false},
 * {@link RateLimitEvent}) as Spring Boot {@link AuditApplicationEvent}s, which Boot
 * stores in the {@code AuditEventRepository} when one is defined. Grants are not audited
 * (one per request would flood the repository). Metadata only.
 */
public final class AuditEventBridge {

	private final ApplicationEventPublisher publisher;

	/**
	 * Create the bridge.
	 * @param publisher publishes the audit events
	 */
	public AuditEventBridge(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@EventListener
	public void onDecision(AiGuardedDecisionEvent event) {
		if (event.granted()) {
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("endpoint", event.endpoint());
		data.put("code", event.code());
		if (!event.missingFactors().isEmpty()) {
			data.put("missingFactors", event.missingFactors());
		}
		this.publisher.publishEvent(new AuditApplicationEvent(event.timestamp(), event.principal(),
				AiGuardedDecisionEvent.AUDIT_TYPE, data));
	}

	@EventListener
	public void onRateLimit(RateLimitEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("endpoint", event.endpoint());
		data.put("tier", event.tier());
		data.put("code", event.code());
		if (event.limit() != null) {
			data.put("limit", event.limit());
		}
		data.put("retryAfterSeconds", event.retryAfterSeconds());
		this.publisher.publishEvent(
				new AuditApplicationEvent(event.timestamp(), event.subject(), RateLimitEvent.AUDIT_TYPE, data));
	}

}
