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
	 * loaded. The default: the only tier within the latency target, and it beat the
	 * transformer in cross-validation (neither generalises well to unseen sources, which
	 * is why the static tier's default fusion mostly confirms heuristic hints and blocks
	 * alone only where it is all but certain).
	 */
	STATIC,

	/**
	 * The transformer alone, for every text.
	 */
	TRANSFORMER

}
