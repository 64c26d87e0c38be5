package dev.aisecurity.rag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.aisecurity.audit.AuditableEvent;

/**
 * Published (as a Spring application event) once per batch the ingestion guard processed.
 * Counts only: no text, no document ids.
 *
 * @param timestamp when the batch finished
 * @param principal who ran the ingestion ({@code system} outside a security context)
 * @param pipelineVersion the ingestion pipeline's version
 * @param received documents in the batch
 * @param passed documents passed on (including sanitised and tagged ones)
 * @param sanitized passed documents whose text was rewritten
 * @param dropped poisoned documents left out
 * @param tagged poisoned documents passed on with a POISONED tag
 * @param quarantined poisoned documents handed to the quarantine handler
 * @param nearDuplicates documents flagged as part of a near-duplicate flood
 * @param reasons how many documents each reason code concerned
 */
public record IngestionAuditEvent(Instant timestamp, String principal, String pipelineVersion, int received, int passed,
		int sanitized, int dropped, int tagged, int quarantined, int nearDuplicates,
		Map<String, Integer> reasons) implements AuditableEvent {

	/** The audit event type used when bridged to Boot's audit events. */
	public static final String AUDIT_TYPE = "AI_RAG_INGESTION";

	public IngestionAuditEvent {
		reasons = Map.copyOf(reasons);
	}

	@Override
	public String auditType() {
		return AUDIT_TYPE;
	}

	/**
	 * The audit data as a map, for Boot's audit events.
	 */
	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("pipelineVersion", this.pipelineVersion);
		data.put("received", this.received);
		data.put("passed", this.passed);
		data.put("sanitized", this.sanitized);
		data.put("dropped", this.dropped);
		data.put("tagged", this.tagged);
		data.put("quarantined", this.quarantined);
		data.put("nearDuplicates", this.nearDuplicates);
		data.put("reasons", new java.util.TreeMap<>(this.reasons));
		return data;
	}

}
