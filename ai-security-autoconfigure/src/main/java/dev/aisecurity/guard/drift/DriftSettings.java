package dev.aisecurity.guard.drift;

/**
 * Settings of a {@link DriftDetector}.
 *
 * @param alpha the baseline smoothing factor (weight of a new observation)
 * @param rateAlpha the smoothing factor of the short moving rate of 0/1 metrics
 * @param sigmas how many standard deviations away an observation must be to count as a
 * deviation
 * @param warmUp observations per endpoint before deviations are reported
 * @param maxEndpoints endpoints tracked separately; further ones share the
 * {@link DriftDetector#OTHER_ENDPOINT} baseline
 */
public record DriftSettings(double alpha, double rateAlpha, double sigmas, int warmUp, int maxEndpoints) {

	/** The defaults: alpha 0.02, rate alpha 0.1, 4 sigma, warm-up 50, 100 endpoints. */
	public static final DriftSettings DEFAULTS = new DriftSettings(0.02, 0.1, 4, 50, 100);

	public DriftSettings {
		if (!(alpha > 0 && alpha <= 1) || !(rateAlpha > 0 && rateAlpha <= 1)) {
			throw new IllegalArgumentException("alpha and rateAlpha must be in (0, 1]");
		}
		if (!(sigmas > 0)) {
			throw new IllegalArgumentException("sigmas must be positive");
		}
		if (warmUp < 2 || maxEndpoints < 1) {
			throw new IllegalArgumentException("warmUp must be >= 2 and maxEndpoints >= 1");
		}
	}

}
