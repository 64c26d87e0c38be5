package dev.aisecurity.guard;

/**
 * How a pipeline treats one scanner's findings.
 *
 * @param enabled whether the scanner runs at all
 * @param threshold minimum score at which a finding takes effect; weaker findings are
 * ignored
 * @param action what a finding at or above the threshold does
 */
public record ScannerPolicy(boolean enabled, double threshold, Action action) {

	public ScannerPolicy {
		if (threshold < 0 || threshold > 1 || Double.isNaN(threshold)) {
			throw new IllegalArgumentException("threshold must be within [0, 1]");
		}
		if (action == null) {
			throw new IllegalArgumentException("action is required");
		}
	}

	public static ScannerPolicy block(double threshold) {
		return new ScannerPolicy(true, threshold, Action.BLOCK);
	}

	public static ScannerPolicy sanitize(double threshold) {
		return new ScannerPolicy(true, threshold, Action.SANITIZE);
	}

	public static ScannerPolicy monitor(double threshold) {
		return new ScannerPolicy(true, threshold, Action.MONITOR);
	}

	public static ScannerPolicy disabled() {
		return new ScannerPolicy(false, 1, Action.MONITOR);
	}

}
