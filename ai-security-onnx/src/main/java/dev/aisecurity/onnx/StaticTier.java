package dev.aisecurity.onnx;

import java.util.Objects;

/**
 * The fast tier of a cascade: a scorer that needs no model run (a
 * {@link StaticEmbeddingScorer}), its calibration, and the band of uncertainty around its
 * threshold. A text whose static log-odds lie strictly within
 * {@code (logit(threshold) - lower, logit(threshold) + upper)} is escalated to the
 * transformer; any other text is decided by the static score. With a transformer absent
 * the static score always decides.
 *
 * @param scorer the static scorer
 * @param calibration maps its probability onto the scanner's scale; its threshold is the
 * static tier's decision threshold
 * @param lower width of the band below the threshold, in log-odds (0: none)
 * @param upper width of the band above the threshold, in log-odds (0: none)
 * @param windowTokens tokens per static window, special tokens included (the static tier
 * has its own windows: a mean over fewer tokens dilutes a short injection less, and a
 * static window costs microseconds)
 * @param overlapTokens tokens shared by consecutive static windows
 * @param maxWindows most static windows per text
 */
public record StaticTier(WindowScorer scorer, ScoreCalibration calibration, double lower, double upper,
		int windowTokens, int overlapTokens, int maxWindows) {

	public StaticTier {
		Objects.requireNonNull(scorer, "scorer");
		Objects.requireNonNull(calibration, "calibration");
		if (!(lower >= 0) || !(upper >= 0)) {
			throw new IllegalArgumentException("The cascade band widths must be zero or positive");
		}
		if (windowTokens < 1 || overlapTokens < 0 || maxWindows < 1) {
			throw new IllegalArgumentException("Invalid static windows");
		}
	}

	/**
	 * The static tier's probability for a tokenized text: the highest over its static
	 * windows.
	 * @param tokenizer the tokenizer that produced the content
	 * @param content the content token ids
	 * @return the probability
	 */
	public double probability(WindowingTokenizer tokenizer, long[] content) {
		TokenWindows windows = tokenizer.windowsOf(content, this.windowTokens, this.overlapTokens, this.maxWindows);
		double[] scores;
		try {
			scores = this.scorer.score(windows, null);
		}
		catch (ai.onnxruntime.OrtException ex) {
			throw new IllegalStateException("The static prompt-injection tier failed: " + ex.getCode(), ex);
		}
		double best = 0;
		for (double score : scores) {
			best = Math.max(best, score);
		}
		return best;
	}

	/**
	 * Whether the static probability is confident enough to decide without the
	 * transformer.
	 * @param probability the static tier's probability
	 * @return false when the text should be escalated
	 */
	public boolean decides(double probability) {
		double margin = logit(probability) - logit(this.calibration.threshold());
		return margin <= -this.lower || margin >= this.upper;
	}

	private static double logit(double p) {
		double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
		return Math.log(q / (1 - q));
	}

}
