package dev.aisecurity.autoconfigure.audit;

import java.time.Duration;

import dev.aisecurity.guard.drift.DriftSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of drift detection: per-endpoint running baselines of input and output
 * length, block and refusal rate and latency, fed from the audit records.
 */
@ConfigurationProperties("ai.security.drift")
public class DriftProperties {

	/**
	 * Whether audited interactions are compared with their endpoint's running baselines.
	 */
	private boolean enabled = true;

	/**
	 * How many standard deviations from the baseline mean count as a deviation.
	 */
	private double sigmas = 4;

	/**
	 * Observations per endpoint before deviations are reported.
	 */
	private int warmUp = 50;

	/**
	 * Weight of a new observation in the baseline (smaller adapts slower; 0.02 is roughly
	 * the last 100 interactions).
	 */
	private double alpha = 0.02;

	/**
	 * Weight of a new outcome in the short moving block and refusal rates that are
	 * compared with the baseline.
	 */
	private double rateAlpha = 0.1;

	/**
	 * Endpoints tracked separately; further ones share one baseline named "other".
	 */
	private int maxEndpoints = 100;

	/**
	 * Interval of the drift summary logged at INFO.
	 */
	private Duration summaryInterval = Duration.ofMinutes(15);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public double getSigmas() {
		return this.sigmas;
	}

	public void setSigmas(double sigmas) {
		this.sigmas = sigmas;
	}

	public int getWarmUp() {
		return this.warmUp;
	}

	public void setWarmUp(int warmUp) {
		this.warmUp = warmUp;
	}

	public double getAlpha() {
		return this.alpha;
	}

	public void setAlpha(double alpha) {
		this.alpha = alpha;
	}

	public double getRateAlpha() {
		return this.rateAlpha;
	}

	public void setRateAlpha(double rateAlpha) {
		this.rateAlpha = rateAlpha;
	}

	public int getMaxEndpoints() {
		return this.maxEndpoints;
	}

	public void setMaxEndpoints(int maxEndpoints) {
		this.maxEndpoints = maxEndpoints;
	}

	public Duration getSummaryInterval() {
		return this.summaryInterval;
	}

	public void setSummaryInterval(Duration summaryInterval) {
		this.summaryInterval = summaryInterval;
	}

	/** The detector settings these properties describe. */
	public DriftSettings toSettings() {
		return new DriftSettings(this.alpha, this.rateAlpha, this.sigmas, this.warmUp, this.maxEndpoints);
	}

}
