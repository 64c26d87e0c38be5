package dev.aisecurity.guard;

/**
 * The outcome of a pipeline run.
 */
public enum Decision {

	/** The text goes through as it came. */
	ALLOW,

	/** The text goes through rewritten: see {@link Verdict#text()}. */
	SANITIZE,

	/** The text must not go through. */
	BLOCK

}
