package dev.aisecurity.audit;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Republishes every {@link AuditableEvent} as a Spring Boot
 * {@link AuditApplicationEvent}, which Boot stores in the {@code AuditEventRepository}
 * when one is defined.
 */
public final class AuditableEventBridge {

	private final ApplicationEventPublisher publisher;

	public AuditableEventBridge(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@EventListener
	public void on(AuditableEvent event) {
		this.publisher.publishEvent(
				new AuditApplicationEvent(event.timestamp(), event.principal(), event.auditType(), event.toMap()));
	}

}
