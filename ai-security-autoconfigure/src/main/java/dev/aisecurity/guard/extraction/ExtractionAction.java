package dev.aisecurity.guard.extraction;

/**
 * What the model-extraction detector asks for.
 */
public enum ExtractionAction {

	/** Nothing suspicious. */
	NONE,

	/** Suspicious: raise an alert, let the request through. */
	ALERT,

	/** Suspicious: slow the principal down (e.g. a lower rate-limit tier). */
	THROTTLE,

	/** Refuse the principal's requests until the cool-down ends. */
	BLOCK

}
