package dev.aisecurity.guard.drift;

/**
 * The metadata of one interaction fed to a {@link DriftDetector}.
 *
 * @param endpoint a low-cardinality endpoint name (mapping pattern)
 * @param inputChars prompt length
 * @param outputChars reply length
 * @param blocked whether a guard verdict blocked it
 * @param refused whether it was refused for any reason
 * @param latencyNanos wall time
 */
public record DriftObservation(String endpoint, int inputChars, int outputChars, boolean blocked, boolean refused,
		long latencyNanos) {

	double value(DriftMetric metric) {
		return switch (metric) {
			case INPUT_CHARS -> this.inputChars;
			case OUTPUT_CHARS -> this.outputChars;
			case BLOCK_RATE -> this.blocked ? 1 : 0;
			case REFUSAL_RATE -> this.refused ? 1 : 0;
			case LATENCY_MILLIS -> this.latencyNanos / 1_000_000.0;
		};
	}

}
