package dev.aisecurity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.aisecurity.ratelimit.RateLimitEvent;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Republishes refusals ({@link AiGuardedDecisionEvent} with {@code granted=false},
 * {@link RateLimitEvent}) as Spring Boot {@link AuditApplicationEvent}s, which Boot
 * stores in the {@code AuditEventRepository} when one is defined. Grants are not audited
 * (one per request would flood the repository). Metadata only.
 * <p>
 * A plain listener rather than {@code @EventListener} methods: it sees every grant (one
 * per guarded request) only to drop it, which should cost an {@code instanceof}, not a
 * reflective method call.
 */
public final class AuditEventBridge implements GenericApplicationListener {

	private final ApplicationEventPublisher publisher;

	/**
	 * Create the bridge.
	 * @param publisher publishes the audit events
	 */
	public AuditEventBridge(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		if (!PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())) {
			return false;
		}
		Class<?> payload = eventType.as(PayloadApplicationEvent.class).getGeneric().toClass();
		// an unresolved payload type is checked per event
		return payload == Object.class || AiGuardedDecisionEvent.class.isAssignableFrom(payload)
				|| RateLimitEvent.class.isAssignableFrom(payload);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof PayloadApplicationEvent<?> payloadEvent) {
			Object payload = payloadEvent.getPayload();
			if (payload instanceof AiGuardedDecisionEvent decision) {
				onDecision(decision);
			}
			else if (payload instanceof RateLimitEvent rateLimit) {
				onRateLimit(rateLimit);
			}
		}
	}

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
