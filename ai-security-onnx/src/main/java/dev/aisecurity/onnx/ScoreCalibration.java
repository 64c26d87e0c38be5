package dev.aisecurity.onnx;

/**
 * Maps the model's probability onto the scanner's scale so that the model's own decision
 * threshold lands on the scanner's blocking threshold. The shift is made in log-odds:
 * {@code score = sigmoid(logit(p) - logit(threshold) + logit(target))}. The classifier
 * alone then blocks exactly when its probability reaches {@code threshold}; a probability
 * a little below it still adds some evidence to the heuristic signals in the scanner's
 * noisy-OR fusion, and one far below it adds almost none. (A shift in log-odds rather
 * than in probability matters because trained heads put most probabilities near 0 or 1.)
 *
 * @param threshold the model probability that should count as "injection" on its own
 * @param target the scanner's blocking threshold
 */
public record ScoreCalibration(double threshold, double target) {

	public ScoreCalibration {
		if (!(threshold > 0 && threshold < 1) || !(target > 0 && target < 1)) {
			throw new IllegalArgumentException("threshold and target must be within (0, 1)");
		}
	}

	/**
	 * The calibrated score of a probability.
	 * @param probability the model's probability, 0 to 1
	 * @return the score for fusion, 0 to 1
	 */
	public double apply(double probability) {
		double p = Math.min(1 - 1e-12, Math.max(1e-12, probability));
		double shifted = logit(p) - logit(this.threshold) + logit(this.target);
		return 1 / (1 + Math.exp(-shifted));
	}

	private static double logit(double p) {
		return Math.log(p / (1 - p));
	}

}
