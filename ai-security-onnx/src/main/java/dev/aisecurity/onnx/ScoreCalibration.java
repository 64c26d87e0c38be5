package dev.aisecurity.onnx;

/**
 * Maps the model's probability onto the scanner's scale, with two thresholds.
 * <p>
 * At or above {@code blockThreshold} the classifier blocks on its own: the probability is
 * shifted in log-odds so that {@code blockThreshold} lands on the scanner's blocking
 * threshold {@code target}:
 * {@code score = sigmoid(logit(p) - logit(blockThreshold) + logit(target))}.
 * <p>
 * Below it the classifier can only <em>confirm</em> heuristic evidence: the probability
 * is shifted so that {@code threshold} lands on {@code confirmScore} and the score is
 * capped there, {@code min(confirmScore, sigmoid(logit(p) - logit(threshold) +
 * logit(confirmScore)))}. With {@code confirmScore} below {@code target} the classifier
 * alone cannot block in that range, but in the scanner's noisy-OR fusion it turns a weak
 * heuristic hint into a block (a hint of at least
 * {@code (1 - (1 - target) / (1 - confirmScore)) / 0.6}, see {@link #minimumHint()}).
 * Why: in leave-one-source-out measurements a head trained on public data flags benign
 * prompts from sources it has not seen far more often than cross-validation suggests,
 * while its agreement with a heuristic hint stays reliable.
 * <p>
 * {@code blockThreshold} 1 means the classifier never blocks alone. With
 * {@code blockThreshold == threshold} and {@code confirmScore == target} the two ranges
 * join into one shift (the single-threshold calibration,
 * {@link #ScoreCalibration(double, double)}). A shift in log-odds rather than in
 * probability matters because trained heads put most probabilities near 0 or 1.
 *
 * @param threshold the model probability at which the classifier confirms a heuristic
 * hint (scores {@code confirmScore})
 * @param target the scanner's blocking threshold
 * @param blockThreshold the model probability at which the classifier blocks alone, at
 * least {@code threshold}; 1 for never
 * @param confirmScore the most the classifier scores below {@code blockThreshold}, at
 * most {@code target}
 */
public record ScoreCalibration(double threshold, double target, double blockThreshold, double confirmScore) {

	/** Weight of a secondary signal in the scanner's noisy-OR fusion. */
	private static final double SECONDARY_WEIGHT = 0.6;

	public ScoreCalibration {
		if (!(threshold > 0 && threshold < 1) || !(target > 0 && target < 1)) {
			throw new IllegalArgumentException("threshold and target must be within (0, 1)");
		}
		if (!(blockThreshold >= threshold && blockThreshold <= 1)) {
			throw new IllegalArgumentException("blockThreshold must be within [threshold, 1]");
		}
		if (!(confirmScore > 0 && confirmScore <= target)) {
			throw new IllegalArgumentException("confirmScore must be within (0, target]");
		}
	}

	/**
	 * The single-threshold calibration: the classifier alone blocks at {@code threshold},
	 * and a probability a little below it still adds some evidence.
	 * @param threshold the model probability that counts as "injection" on its own
	 * @param target the scanner's blocking threshold
	 */
	public ScoreCalibration(double threshold, double target) {
		this(threshold, target, threshold, target);
	}

	/** Whether the classifier can block without a heuristic signal. */
	public boolean blocksAlone() {
		return this.blockThreshold < 1;
	}

	/**
	 * The calibrated score of a probability.
	 * @param probability the model's probability, 0 to 1
	 * @return the score for fusion, 0 to 1
	 */
	public double apply(double probability) {
		double p = Math.min(1 - 1e-12, Math.max(1e-12, probability));
		if (blocksAlone() && probability >= this.blockThreshold) {
			return sigmoid(logit(p) - logit(this.blockThreshold) + logit(this.target));
		}
		return Math.min(this.confirmScore, sigmoid(logit(p) - logit(this.threshold) + logit(this.confirmScore)));
	}

	/**
	 * The weakest heuristic signal that the classifier's {@code confirmScore} lifts to
	 * the scanner's threshold in its noisy-OR fusion (the heuristic signal being the
	 * secondary one).
	 * @return the heuristic signal needed, 0 when the confirm score blocks alone
	 */
	public double minimumHint() {
		if (this.confirmScore >= this.target) {
			return 0;
		}
		return (1 - (1 - this.target) / (1 - this.confirmScore)) / SECONDARY_WEIGHT;
	}

	/**
	 * The thresholds in words, for start-up logs and reports.
	 * @return for example
	 * {@code "confirm threshold 0.9 (score 0.45), block threshold none"}
	 */
	public String describe() {
		if (this.blockThreshold == this.threshold && this.confirmScore == this.target) {
			return "threshold " + this.threshold;
		}
		return "confirm threshold " + this.threshold + " (score " + this.confirmScore + "), block threshold "
				+ (blocksAlone() ? Double.toString(this.blockThreshold) : "none");
	}

	private static double sigmoid(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	private static double logit(double p) {
		return Math.log(p / (1 - p));
	}

}
