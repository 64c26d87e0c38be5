package dev.aisecurity.guard.drift;

/**
 * The metrics that get a baseline per endpoint. Rates are judged on a short moving rate
 * (see {@link DriftSettings#rateAlpha()}), not on single 0/1 outcomes, so one block in a
 * quiet endpoint is not drift but a burst of them is.
 */
public enum DriftMetric {

	/** Prompt length in UTF-16 units. */
	INPUT_CHARS("input-chars", false, 1.0),

	/** Reply length in UTF-16 units. */
	OUTPUT_CHARS("output-chars", false, 1.0),

	/** Share of interactions with a guard verdict of block. */
	BLOCK_RATE("block-rate", true, 0.05),

	/** Share of interactions refused for any reason (guard, rate limit, kill switch). */
	REFUSAL_RATE("refusal-rate", true, 0.05),

	/** Interaction wall time in milliseconds. */
	LATENCY_MILLIS("latency-ms", false, 1.0);

	private final String id;

	private final boolean rate;

	private final double minSigma;

	DriftMetric(String id, boolean rate, double minSigma) {
		this.id = id;
		this.rate = rate;
		this.minSigma = minSigma;
	}

	/** The stable name used in events, logs and metric tags. */
	public String id() {
		return this.id;
	}

	/** Whether this is a 0/1 outcome judged as a moving rate. */
	public boolean isRate() {
		return this.rate;
	}

	/**
	 * The smallest sigma used for judging: a perfectly constant series would otherwise
	 * flag any change at all.
	 */
	public double minSigma() {
		return this.minSigma;
	}

}
