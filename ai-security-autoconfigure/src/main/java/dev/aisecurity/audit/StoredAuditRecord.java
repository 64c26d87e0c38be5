package dev.aisecurity.audit;

import java.time.Instant;
import java.util.List;

/**
 * An audit record as read back from a store: the queryable columns, with the verdicts as
 * the JSON they were stored as.
 *
 * @param timestamp when the interaction started
 * @param requestId the interaction's id
 * @param principal the caller
 * @param endpoint the endpoint or advisor
 * @param outcome the outcome
 * @param totalTokens total tokens, -1 when unknown
 * @param reasons reason codes of a refusal
 * @param inputHash keyed hash of the prompt
 * @param verdictsJson the guard runs, as JSON
 */
public record StoredAuditRecord(Instant timestamp, String requestId, String principal, String endpoint,
		AuditOutcome outcome, long totalTokens, List<String> reasons, String inputHash, String verdictsJson) {

}
