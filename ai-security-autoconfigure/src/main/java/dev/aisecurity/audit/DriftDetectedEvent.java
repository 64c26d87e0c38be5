package dev.aisecurity.audit;

import java.time.Instant;

/**
 * Published (as a Spring application event) when an endpoint's traffic deviates from its
 * running baseline beyond k sigma. Metadata only.
 *
 * @param timestamp when
 * @param endpoint the endpoint mapping pattern
 * @param metric the metric id ({@code input-chars}, {@code output-chars},
 * {@code block-rate}, {@code refusal-rate}, {@code latency-ms})
 * @param value the observed value
 * @param mean the baseline mean
 * @param sigma the baseline sigma used for judging
 */
public record DriftDetectedEvent(Instant timestamp, String endpoint, String metric, double value, double mean,
		double sigma) {

}
