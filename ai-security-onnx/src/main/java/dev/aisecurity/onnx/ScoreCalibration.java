package dev.aisecurity.onnx;

/**
 * Maps the model's probability onto the scanner's scale so that the model's own decision
 * threshold lands on the scanner's blocking threshold: piecewise linear, with
 * {@code threshold -> target}, {@code 0 -> 0} and {@code 1 -> 1}. The classifier alone
 * then blocks exactly when its probability reaches {@code threshold}, and a probability
 * just below it still adds corroborating evidence to the heuristic signals in the
 * scanner's noisy-OR fusion.
 *
 * @param threshold the model probability that should count as "injection" on its own
 * @param target the scanner's blocking threshold
 */
public record ScoreCalibration(double threshold, double target) {

	public ScoreCalibration {
		if (!(threshold > 0 && threshold < 1) || !(target > 0 && target <= 1)) {
			throw new IllegalArgumentException("threshold must be within (0, 1) and target within (0, 1]");
		}
	}

	/**
	 * The calibrated score of a probability.
	 * @param probability the model's probability, 0 to 1
	 * @return the score for fusion, 0 to 1
	 */
	public double apply(double probability) {
		double p = Math.min(1, Math.max(0, probability));
		if (p < this.threshold) {
			return this.target * p / this.threshold;
		}
		return this.target + (1 - this.target) * (p - this.threshold) / (1 - this.threshold);
	}

}
