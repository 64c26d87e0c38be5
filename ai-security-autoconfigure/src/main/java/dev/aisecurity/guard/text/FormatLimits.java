package dev.aisecurity.guard.text;

/**
 * Thresholds of the {@link FormatScanner}.
 *
 * @param maxCharacterRun longest run of one repeated character that is still text
 * (default 1,024: far beyond markdown rulers, separators and indentation)
 * @param maxRepeatedSpan longest stretch made of one short unit repeated (default 4,096
 * characters)
 * @param maxUnitLength longest unit, in characters, that {@code maxRepeatedSpan} looks
 * for (default 64: words, phrases, short lines)
 * @param maxBinaryShare share of binary marks (NUL and other control characters, U+FFFD
 * replacement characters, lone surrogates) above which a text counts as binary content
 * (default 0.05, and at least 4 such marks)
 */
public record FormatLimits(int maxCharacterRun, int maxRepeatedSpan, int maxUnitLength, double maxBinaryShare) {

	public FormatLimits {
		if (maxCharacterRun < 2 || maxRepeatedSpan < 2 || maxUnitLength < 2) {
			throw new IllegalArgumentException("format limits must be at least 2");
		}
		if (!(maxBinaryShare > 0 && maxBinaryShare <= 1)) {
			throw new IllegalArgumentException("maxBinaryShare must be within (0, 1]");
		}
	}

	public static FormatLimits defaults() {
		return new FormatLimits(1024, 4096, 64, 0.05);
	}

}
