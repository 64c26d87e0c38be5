package dev.aisecurity.guard.drift;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps per-endpoint baselines of every {@link DriftMetric} and reports observations that
 * deviate beyond {@link DriftSettings#sigmas()} sigma once an endpoint has seen
 * {@link DriftSettings#warmUp()} observations. The baseline is updated after judging, so
 * a lasting shift stops being reported as the baseline adapts. Thread-safe; memory is
 * bounded by {@link DriftSettings#maxEndpoints()}.
 */
public final class DriftDetector {

	/** The endpoint name shared by endpoints beyond the limit. */
	public static final String OTHER_ENDPOINT = "other";

	private final DriftSettings settings;

	private final Map<String, EndpointState> endpoints = new ConcurrentHashMap<>();

	public DriftDetector(DriftSettings settings) {
		this.settings = settings;
	}

	/** The settings. */
	public DriftSettings settings() {
		return this.settings;
	}

	/**
	 * Judge and record one observation.
	 * @param observation the interaction's metadata
	 * @return the deviations it shows, empty during warm-up or when all is normal
	 */
	public List<DriftDeviation> observe(DriftObservation observation) {
		String endpoint = endpointKey(observation.endpoint());
		EndpointState state = this.endpoints.computeIfAbsent(endpoint, EndpointState::new);
		return state.observe(observation);
	}

	/** The baselines of every endpoint and metric. */
	public List<DriftSnapshot> snapshot() {
		List<DriftSnapshot> snapshots = new ArrayList<>();
		for (EndpointState state : this.endpoints.values()) {
			for (DriftMetric metric : DriftMetric.values()) {
				snapshots.add(state.snapshot(metric));
			}
		}
		return snapshots;
	}

	/** The baseline of one endpoint and metric, or {@code null} when never seen. */
	public DriftSnapshot snapshot(String endpoint, DriftMetric metric) {
		EndpointState state = this.endpoints.get(endpoint);
		return (state != null) ? state.snapshot(metric) : null;
	}

	private String endpointKey(String endpoint) {
		String key = (endpoint != null) ? endpoint : "unknown";
		if (this.endpoints.containsKey(key) || this.endpoints.size() < this.settings.maxEndpoints()) {
			return key;
		}
		return OTHER_ENDPOINT;
	}

	private final class EndpointState {

		private final String endpoint;

		private final Map<DriftMetric, EwmaBaseline> baselines = new EnumMap<>(DriftMetric.class);

		private final Map<DriftMetric, EwmaBaseline> rates = new EnumMap<>(DriftMetric.class);

		private final Map<DriftMetric, AtomicLong> deviations = new EnumMap<>(DriftMetric.class);

		EndpointState(String endpoint) {
			this.endpoint = endpoint;
			for (DriftMetric metric : DriftMetric.values()) {
				this.baselines.put(metric, new EwmaBaseline(DriftDetector.this.settings.alpha()));
				this.deviations.put(metric, new AtomicLong());
				if (metric.isRate()) {
					this.rates.put(metric, new EwmaBaseline(DriftDetector.this.settings.rateAlpha()));
				}
			}
		}

		// one observation at a time per endpoint: judging and updating must not
		// interleave
		synchronized List<DriftDeviation> observe(DriftObservation observation) {
			List<DriftDeviation> found = List.of();
			for (DriftMetric metric : DriftMetric.values()) {
				double value = observation.value(metric);
				if (metric.isRate()) {
					EwmaBaseline rate = this.rates.get(metric);
					rate.observe(value);
					value = rate.mean();
				}
				EwmaBaseline baseline = this.baselines.get(metric);
				if (baseline.count() >= DriftDetector.this.settings.warmUp()) {
					double mean = baseline.mean();
					double sigma = Math.max(baseline.sigma(), Math.max(metric.minSigma(), Math.abs(mean) * 0.01));
					if (Math.abs(value - mean) > DriftDetector.this.settings.sigmas() * sigma) {
						if (found.isEmpty()) {
							found = new ArrayList<>(2);
						}
						found.add(new DriftDeviation(this.endpoint, metric, value, mean, sigma));
						this.deviations.get(metric).incrementAndGet();
					}
				}
				baseline.observe(value);
			}
			return found;
		}

		DriftSnapshot snapshot(DriftMetric metric) {
			double[] values = this.baselines.get(metric).snapshot();
			return new DriftSnapshot(this.endpoint, metric, (long) values[0], values[1], values[2],
					this.deviations.get(metric).get());
		}

	}

}
