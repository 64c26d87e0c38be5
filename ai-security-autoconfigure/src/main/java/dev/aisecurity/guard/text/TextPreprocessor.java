package dev.aisecurity.guard.text;

import dev.aisecurity.guard.GuardText;

/**
 * One linear pass over a text that builds the views of {@link GuardText}. Hand-written so
 * its cost is a small constant per character on any input, adversarial or not.
 */
public final class TextPreprocessor {

	private static final char REPLACEMENT = '\uFFFD';

	private TextPreprocessor() {
	}

	public static GuardText process(String text) {
		int length = text.length();
		StringBuilder sanitized = null;
		StringBuilder hidden = null;
		int invisible = 0;
		int bidi = 0;
		int tags = 0;
		int controls = 0;
		int nuls = 0;
		int lone = 0;
		int replacements = 0;
		int codePoints = 0;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			int cp = c;
			int width = 1;
			boolean loneSurrogate = false;
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					cp = Character.toCodePoint(c, text.charAt(i + 1));
					width = 2;
				}
				else {
					loneSurrogate = true;
				}
			}
			else if (Character.isLowSurrogate(c)) {
				loneSurrogate = true;
			}
			codePoints++;
			int kind = loneSurrogate ? KIND_LONE : classify(cp);
			if (kind == KIND_KEEP) {
				if (cp == REPLACEMENT) {
					replacements++;
				}
				if (sanitized != null) {
					sanitized.append(text, i, i + width);
				}
			}
			else {
				if (sanitized == null) {
					sanitized = new StringBuilder(length);
					sanitized.append(text, 0, i);
				}
				switch (kind) {
					case KIND_LONE -> {
						lone++;
						sanitized.append(REPLACEMENT);
					}
					case KIND_TAG -> {
						tags++;
						// Tag characters mirror ASCII 0x20-0x7E: decode them so detectors
						// see the smuggled text
						int ascii = cp - 0xE0000;
						if (ascii >= 0x20 && ascii <= 0x7E) {
							if (hidden == null) {
								hidden = new StringBuilder();
							}
							hidden.append((char) ascii);
						}
					}
					case KIND_CONTROL -> {
						controls++;
						if (cp == 0) {
							nuls++;
						}
					}
					case KIND_BIDI -> {
						invisible++;
						bidi++;
					}
					default -> invisible++;
				}
			}
			i += width;
		}
		GuardText.TextStats stats = new GuardText.TextStats(invisible, bidi, tags, controls, nuls, lone, replacements,
				codePoints);
		return GuardText.create(text, (sanitized != null) ? sanitized.toString() : text,
				(hidden != null) ? hidden.toString() : "", stats);
	}

	static final int KIND_KEEP = 0;

	static final int KIND_INVISIBLE = 1;

	static final int KIND_BIDI = 2;

	static final int KIND_TAG = 3;

	static final int KIND_CONTROL = 4;

	static final int KIND_LONE = 5;

	static int classify(int cp) {
		if (cp < 0x20) {
			return (cp == '\t' || cp == '\n' || cp == '\r') ? KIND_KEEP : KIND_CONTROL;
		}
		if (cp < 0x7F) {
			return KIND_KEEP;
		}
		if (cp <= 0x9F) {
			return KIND_CONTROL; // DEL and C1 controls
		}
		if (cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
				|| cp == 0x180E || cp == 0x3164 || cp == 0xFFA0) {
			return KIND_INVISIBLE; // soft hyphen, combining grapheme joiner, fillers
		}
		if (cp >= 0x180B && cp <= 0x180F) {
			return KIND_INVISIBLE; // Mongolian variation selectors
		}
		if (cp >= 0x200B && cp <= 0x200D) {
			return KIND_INVISIBLE; // zero-width space, non-joiner, joiner
		}
		if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
			return KIND_BIDI;
		}
		if (cp >= 0x2060 && cp <= 0x206F) {
			return KIND_INVISIBLE; // word joiner, invisible operators, deprecated format
									// characters
		}
		if (cp == 0xFEFF) {
			return KIND_INVISIBLE; // zero-width no-break space (BOM)
		}
		if (cp >= 0xFE00 && cp <= 0xFE0F) {
			return KIND_INVISIBLE; // variation selectors
		}
		if (cp >= 0xFFF9 && cp <= 0xFFFB) {
			return KIND_INVISIBLE; // interlinear annotation controls
		}
		if (cp >= 0x1BCA0 && cp <= 0x1BCA3) {
			return KIND_INVISIBLE; // shorthand format controls
		}
		if (cp >= 0x1D173 && cp <= 0x1D17A) {
			return KIND_INVISIBLE; // musical symbol format controls
		}
		if (cp >= 0xE0000 && cp <= 0xE007F) {
			return KIND_TAG;
		}
		if (cp >= 0xE0100 && cp <= 0xE01EF) {
			return KIND_INVISIBLE; // variation selectors supplement
		}
		return KIND_KEEP;
	}

}
