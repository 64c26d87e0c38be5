package dev.aisecurity.guard.injection;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of {@link PromptInjectionScanner}.
 *
 * @param threshold fused score at or above which the scanner's default policy blocks
 * @param signals the heuristic signals that are scored; the others are skipped
 * @param classifierWeight factor applied to a classifier's score before fusion, from 0
 * (ignore classifiers) to 1
 * @param maxDecodedSpans most encoded candidate spans (base64, hex, URL encoding) decoded
 * per text
 * @param maxDecodedChars most characters decoded per candidate span; longer spans are
 * decoded up to this length
 */
public record PromptInjectionSettings(double threshold, Set<Signal> signals, double classifierWeight,
		int maxDecodedSpans, int maxDecodedChars) {

	/** Default blocking threshold. */
	public static final double DEFAULT_THRESHOLD = 0.5;

	public PromptInjectionSettings {
		checkUnit(threshold, "threshold");
		checkUnit(classifierWeight, "classifierWeight");
		Objects.requireNonNull(signals, "signals");
		signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
		if (maxDecodedSpans < 0 || maxDecodedChars < 0) {
			throw new IllegalArgumentException("decoding limits must not be negative");
		}
	}

	private static void checkUnit(double value, String name) {
		if (value < 0 || value > 1 || Double.isNaN(value)) {
			throw new IllegalArgumentException(name + " must be within [0, 1]");
		}
	}

	/**
	 * Every signal on, threshold {@value #DEFAULT_THRESHOLD}, classifier weight 1, up to
	 * 32 decoded spans of up to 4096 characters.
	 */
	public static PromptInjectionSettings defaults() {
		return new PromptInjectionSettings(DEFAULT_THRESHOLD, EnumSet.allOf(Signal.class), 1.0, 32, 4096);
	}

	public boolean isEnabled(Signal signal) {
		return this.signals.contains(signal);
	}

	public PromptInjectionSettings withThreshold(double newThreshold) {
		return new PromptInjectionSettings(newThreshold, this.signals, this.classifierWeight, this.maxDecodedSpans,
				this.maxDecodedChars);
	}

	public PromptInjectionSettings withSignals(Set<Signal> newSignals) {
		return new PromptInjectionSettings(this.threshold, newSignals, this.classifierWeight, this.maxDecodedSpans,
				this.maxDecodedChars);
	}

	public PromptInjectionSettings withClassifierWeight(double newWeight) {
		return new PromptInjectionSettings(this.threshold, this.signals, newWeight, this.maxDecodedSpans,
				this.maxDecodedChars);
	}

	public PromptInjectionSettings withDecodingLimits(int spans, int chars) {
		return new PromptInjectionSettings(this.threshold, this.signals, this.classifierWeight, spans, chars);
	}

}
