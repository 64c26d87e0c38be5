package dev.aisecurity.guard;

import java.util.Objects;

/**
 * One thing a scanner found. Carries metadata only: never the matched text itself, so a
 * finding can be logged, counted and audited safely.
 *
 * @param detectorId id of the scanner that found it, for example {@code secrets}
 * @param category broad class, for example {@code prompt-injection}, {@code secret},
 * {@code pii}
 * @param code stable reason code, for example {@code SECRET_AWS_ACCESS_KEY}; safe to show
 * to callers
 * @param score confidence from 0 to 1
 * @param start start of the span in the scanned (sanitised) text, inclusive, or -1 when
 * the finding concerns the text as a whole
 * @param end end of the span, exclusive, or -1
 * @param replacement what SANITIZE writes in place of the span; {@code null} for findings
 * without a span
 */
public record Finding(String detectorId, String category, String code, double score, int start, int end,
		String replacement) {

	public Finding {
		Objects.requireNonNull(detectorId, "detectorId");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(code, "code");
		if (score < 0 || score > 1 || Double.isNaN(score)) {
			throw new IllegalArgumentException("score must be within [0, 1]");
		}
		if (start < -1 || end < start || (start == -1) != (end == -1)) {
			throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
		}
	}

	/**
	 * A finding about the text as a whole.
	 */
	public static Finding of(String detectorId, String category, String code, double score) {
		return new Finding(detectorId, category, code, score, -1, -1, null);
	}

	/**
	 * A finding about a span, which SANITIZE replaces with {@code replacement}.
	 */
	public static Finding span(String detectorId, String category, String code, double score, int start, int end,
			String replacement) {
		return new Finding(detectorId, category, code, score, start, end, replacement);
	}

	public boolean hasSpan() {
		return this.start >= 0;
	}

	/**
	 * The same finding with another score, for scanners that combine or calibrate scores.
	 */
	public Finding withScore(double newScore) {
		return new Finding(this.detectorId, this.category, this.code, newScore, this.start, this.end, this.replacement);
	}

}
