package dev.aisecurity.audit;

import java.time.Instant;

import dev.aisecurity.guard.extraction.ExtractionAssessment;

/**
 * Published (as a Spring application event) when a principal's requests look like model
 * extraction. Metadata only.
 *
 * @param timestamp when
 * @param principal who
 * @param assessment the detector's assessment
 * @param enforced the action actually taken ({@code ALERT} or {@code BLOCK})
 */
public record ModelExtractionEvent(Instant timestamp, String principal, ExtractionAssessment assessment,
		String enforced) {

	/** The audit event type used when bridged to Boot's audit events. */
	public static final String AUDIT_TYPE = "AI_MODEL_EXTRACTION";

}
