package dev.aisecurity.audit;

/**
 * The outcome of a guarded AI interaction.
 */
public enum AuditOutcome {

	/** Answered, nothing rewritten. */
	ALLOWED,

	/** Answered, with input or output rewritten by a guard. */
	SANITIZED,

	/** Refused by a guard. */
	BLOCKED,

	/** Failed for another reason (model error, timeout...). */
	ERROR

}
