package dev.aisecurity.guard.drift;

/**
 * The state of one endpoint's baseline of one metric, for summaries.
 *
 * @param endpoint the endpoint
 * @param metric the metric
 * @param count observations so far
 * @param mean the baseline mean
 * @param sigma the baseline sigma
 * @param deviations deviations reported so far
 */
public record DriftSnapshot(String endpoint, DriftMetric metric, long count, double mean, double sigma,
		long deviations) {

}
