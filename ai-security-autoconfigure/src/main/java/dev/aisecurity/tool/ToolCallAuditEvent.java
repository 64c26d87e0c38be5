package dev.aisecurity.tool;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.audit.AuditableEvent;

/**
 * Published (as a Spring application event) when the tool guard refused a call, rejected
 * its arguments, or withheld or rewrote its result. Metadata only: the tool's name and
 * reason codes, never arguments or results.
 *
 * @param timestamp when
 * @param principal on whose behalf the model called the tool
 * @param tool the tool's name
 * @param outcome what the guard did
 * @param codes reason codes
 * @param missingFactors factor authorities missing for an MFA refusal
 */
public record ToolCallAuditEvent(Instant timestamp, String principal, String tool, Outcome outcome, List<String> codes,
		List<String> missingFactors) implements AuditableEvent {

	/** The audit event type used when bridged to Boot's audit events. */
	public static final String AUDIT_TYPE = "AI_TOOL_CALL";

	public ToolCallAuditEvent {
		codes = List.copyOf(codes);
		missingFactors = List.copyOf(missingFactors);
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
		data.put("tool", this.tool);
		data.put("outcome", this.outcome.name());
		data.put("codes", this.codes);
		if (!this.missingFactors.isEmpty()) {
			data.put("missingFactors", this.missingFactors);
		}
		return data;
	}

	/**
	 * What the guard did with a tool call.
	 */
	public enum Outcome {

		/** The caller may not use the tool: it did not run. */
		DENIED,
		/** The arguments were unsafe: the tool did not run. */
		ARGUMENTS_REJECTED,
		/** The result held injected instructions: the model got an error instead. */
		RESULT_WITHHELD,
		/** Secrets or personal data were removed from the result. */
		RESULT_SANITIZED

	}

}
