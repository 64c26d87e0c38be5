package dev.aisecurity.guard;

/**
 * What a scanner's finding does to the text once its score reaches the scanner's
 * threshold.
 */
public enum Action {

	/** Refuse the text as a whole. */
	BLOCK,

	/** Rewrite the finding's span (redact, mask, remove) and let the rest through. */
	SANITIZE,

	/** Record and count the finding but change nothing. */
	MONITOR

}
