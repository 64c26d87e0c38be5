package dev.aisecurity.guard.drift;

/**
 * An observation beyond k sigma of its endpoint's baseline.
 *
 * @param endpoint the endpoint
 * @param metric the metric
 * @param value the observed value (the moving rate for rate metrics)
 * @param mean the baseline mean before this observation
 * @param sigma the sigma used for judging (never below the metric's floor)
 */
public record DriftDeviation(String endpoint, DriftMetric metric, double value, double mean, double sigma) {

	/** How many sigmas away the value is. */
	public double score() {
		return Math.abs(this.value - this.mean) / this.sigma;
	}

}
