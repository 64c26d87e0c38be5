package dev.aisecurity.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An application event that also belongs in Spring Boot's audit trail: the
 * {@link AuditableEventBridge} republishes it as an {@code AuditApplicationEvent}. Its
 * data is metadata only (ids, counts, reason codes), never prompt, document or tool text.
 */
public interface AuditableEvent {

	/** When it happened. */
	Instant timestamp();

	/** Who it concerns. */
	String principal();

	/** The audit event type, for example {@code AI_RAG_INGESTION}. */
	String auditType();

	/** The audit data. */
	Map<String, Object> toMap();

}
