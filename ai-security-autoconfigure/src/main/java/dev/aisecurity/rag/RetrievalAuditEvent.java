package dev.aisecurity.rag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.audit.AuditableEvent;

/**
 * Published (as a Spring application event) for every prompt that retrieved documents:
 * which document ids were served to which principal and which were withheld. Ids and
 * reason codes only, never document text.
 *
 * @param timestamp when
 * @param principal to whom
 * @param served ids of the documents that entered the prompt
 * @param withheld ids of the documents kept out, with the reason codes that applied
 * @param spotlighting the spotlighting mode in force
 */
public record RetrievalAuditEvent(Instant timestamp, String principal, List<String> served,
		Map<String, List<String>> withheld, String spotlighting) implements AuditableEvent {

	/** The audit event type used when bridged to Boot's audit events. */
	public static final String AUDIT_TYPE = "AI_RAG_RETRIEVAL";

	public RetrievalAuditEvent {
		served = List.copyOf(served);
		withheld = Map.copyOf(withheld);
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
		data.put("served", this.served);
		data.put("withheld", new java.util.TreeMap<>(this.withheld));
		data.put("spotlighting", this.spotlighting);
		return data;
	}

}
