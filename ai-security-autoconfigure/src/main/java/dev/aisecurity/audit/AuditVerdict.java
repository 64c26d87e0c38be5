package dev.aisecurity.audit;

import java.util.List;

/**
 * One guard pipeline run as kept in an audit record.
 *
 * @param direction {@code input} or {@code output}
 * @param decision {@code allow}, {@code sanitize} or {@code block}
 * @param mode {@code enforce} or {@code monitor}
 * @param findings the findings at or above their thresholds
 * @param nanos time the run took
 */
public record AuditVerdict(String direction, String decision, String mode, List<AuditFinding> findings, long nanos) {

	public AuditVerdict {
		findings = List.copyOf(findings);
	}

}
