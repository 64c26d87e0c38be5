package dev.aisecurity.ai;

import java.util.Objects;

/**
 * Something unusual about model output. Metadata only: never the text.
 *
 * @param kind what was unusual
 * @param principal the caller's name, or {@code null} when unknown
 * @param length output length in characters
 * @param value the measured value (length ratio to the baseline, share of redacted
 * characters, or refusals in the window)
 * @param threshold the threshold it exceeded
 */
public record OutputAnomaly(Kind kind, String principal, int length, double value, double threshold) {

	public OutputAnomaly {
		Objects.requireNonNull(kind, "kind");
	}

	/**
	 * Kinds of output anomalies.
	 */
	public enum Kind {

		/** Output far longer than the running baseline. */
		LENGTH,

		/** A high share of the output was redacted. */
		REDACTIONS,

		/** Repeated refusals (blocked outputs or model refusals) for one caller. */
		REFUSALS;

		/** Lower-case name, for metric tags. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
