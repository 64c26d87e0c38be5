package dev.aisecurity.onnx;

/**
 * Which tiers of the default model score a text.
 */
public enum ClassifierMode {

	/**
	 * The static tier scores every text and decides alone when its score is clearly on
	 * one side of its threshold; texts in the uncertain band go to the transformer.
	 */
	CASCADE,

	/**
	 * The static tier alone (table look-ups, microseconds); the transformer is not
	 * loaded. The default: it met the accuracy target on its own in cross-validation.
	 */
	STATIC,

	/**
	 * The transformer alone, for every text.
	 */
	TRANSFORMER

}
