package dev.aisecurity.guard.drift;

/**
 * An exponentially weighted moving mean and variance of one series. Until {@code 1/alpha}
 * observations have been seen the weight is {@code 1/n}, so early values are averaged
 * evenly instead of the first one dominating. Thread-safe.
 */
public final class EwmaBaseline {

	private final double alpha;

	private long count;

	private double mean;

	private double variance;

	/**
	 * A baseline with the given smoothing factor.
	 * @param alpha the weight of a new observation, in (0, 1]
	 */
	public EwmaBaseline(double alpha) {
		if (!(alpha > 0 && alpha <= 1)) {
			throw new IllegalArgumentException("alpha must be in (0, 1]");
		}
		this.alpha = alpha;
	}

	/**
	 * Add an observation.
	 * @param value the observed value (non-finite values are ignored)
	 */
	public synchronized void observe(double value) {
		if (!Double.isFinite(value)) {
			return;
		}
		this.count++;
		double weight = Math.max(this.alpha, 1.0 / this.count);
		double diff = value - this.mean;
		double increment = weight * diff;
		this.mean += increment;
		// incremental EWM variance (Finch 2009); exact running variance while weight =
		// 1/n
		this.variance = (1 - weight) * (this.variance + diff * increment);
	}

	/** The number of observations so far. */
	public synchronized long count() {
		return this.count;
	}

	/** The weighted mean, 0 before any observation. */
	public synchronized double mean() {
		return this.mean;
	}

	/** The weighted variance, 0 before two observations. */
	public synchronized double variance() {
		return this.variance;
	}

	/** The weighted standard deviation. */
	public synchronized double sigma() {
		return Math.sqrt(this.variance);
	}

	/** Count, mean and sigma read together. */
	synchronized double[] snapshot() {
		return new double[] { this.count, this.mean, Math.sqrt(this.variance) };
	}

}
