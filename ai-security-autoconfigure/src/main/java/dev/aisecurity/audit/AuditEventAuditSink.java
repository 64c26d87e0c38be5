package dev.aisecurity.audit;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every record as a Spring Boot {@link AuditApplicationEvent} of type
 * {@value AiAuditRecord#AUDIT_TYPE}, which Boot stores in the
 * {@code AuditEventRepository} (and shows on the {@code auditevents} endpoint) when one
 * is defined.
 */
public class AuditEventAuditSink implements AiAuditSink {

	private final ApplicationEventPublisher publisher;

	public AuditEventAuditSink(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void accept(AiAuditRecord record) {
		this.publisher.publishEvent(new AuditApplicationEvent(record.timestamp(), record.principal(),
				AiAuditRecord.AUDIT_TYPE, record.toMap()));
	}

}
