package dev.aisecurity.guard;

/**
 * Which way text is travelling relative to the model.
 */
public enum Direction {

	/**
	 * Text on its way to the model: prompts, documents placed in a prompt, tool results.
	 */
	INPUT,

	/** Text coming back from the model. */
	OUTPUT

}
