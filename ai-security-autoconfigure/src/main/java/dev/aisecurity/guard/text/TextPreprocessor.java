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
		byte[] plain = AsciiBytes.ofPlain(text);
		if (plain != null) {
			// nothing to remove, replace or decode; the bytes serve the scanners' ASCII
			// paths
			return GuardText.createPlain(text, plain, new GuardText.TextStats(0, 0, 0, 0, 0, 0, 0, text.length()));
		}
		return processGeneral(text);
	}

	/**
	 * The general path, which also handles plain ASCII the same way (kept reachable for
	 * tests that compare the two).
	 */
	static GuardText processGeneral(String text) {
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
		int previousKept = -1;
		boolean previousWasSelector = false;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (isPlain(c)) {
				// the common case: a run of printable ASCII and line breaks, kept as it
				// is
				int end = i + 1;
				while (end < length && isPlain(text.charAt(end))) {
					end++;
				}
				codePoints += end - i;
				if (sanitized != null) {
					sanitized.append(text, i, end);
				}
				previousKept = text.charAt(end - 1);
				previousWasSelector = false;
				i = end;
				continue;
			}
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
			if (cp == BLACK_FLAG) {
				// Subdivision flags (England, Scotland, Wales) are a black flag followed
				// by a few tag letters and a cancel tag: an emoji, not smuggled text
				int flagEnd = subdivisionFlagEnd(text, i + 2);
				if (flagEnd > 0) {
					codePoints += (flagEnd - i) / 2;
					if (sanitized != null) {
						sanitized.append(text, i, flagEnd);
					}
					previousKept = cp;
					previousWasSelector = false;
					i = flagEnd;
					continue;
				}
			}
			codePoints++;
			int kind = loneSurrogate ? KIND_LONE : classify(cp);
			boolean selector = isVariationSelector(cp);
			int next = (kind != KIND_KEEP && !loneSurrogate) ? codePointAt(text, i + width) : -1;
			if (selector && !previousWasSelector && !isVariationSelector(next) && (cp == 0xFE0E || cp == 0xFE0F)
					&& previousKept >= 0) {
				// a single text or emoji presentation selector after a character is
				// ordinary emoji text, not an attack
				kind = KIND_KEEP;
			}
			else if ((cp == ZWJ || cp == ZWNJ) && keepJoiner(cp, previousKept, next)) {
				kind = KIND_KEEP;
			}
			if (kind == KIND_KEEP) {
				if (cp == REPLACEMENT) {
					replacements++;
				}
				if (sanitized != null) {
					sanitized.append(text, i, i + width);
				}
				previousKept = loneSurrogate ? REPLACEMENT : cp;
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
						previousKept = REPLACEMENT;
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
					default -> {
						invisible++;
						if (selector && (previousWasSelector || isVariationSelector(next))) {
							// A run of variation selectors can carry one byte each
							// ("emoji smuggling"): decode printable bytes for detection
							int value = (cp <= 0xFE0F) ? cp - 0xFE00 : cp - 0xE0100 + 16;
							if (value >= 0x20 && value <= 0x7E) {
								if (hidden == null) {
									hidden = new StringBuilder();
								}
								hidden.append((char) value);
							}
						}
					}
				}
			}
			previousWasSelector = selector;
			i += width;
		}
		GuardText.TextStats stats = new GuardText.TextStats(invisible, bidi, tags, controls, nuls, lone, replacements,
				codePoints);
		return GuardText.create(text, (sanitized != null) ? sanitized.toString() : text,
				(hidden != null) ? hidden.toString() : "", stats);
	}

	private static final int BLACK_FLAG = 0x1F3F4;

	private static final int CANCEL_TAG = 0xE007F;

	private static final int ZWJ = 0x200D;

	private static final int ZWNJ = 0x200C;

	/**
	 * End index of a subdivision flag's tag sequence starting at {@code from} (2 to 6 tag
	 * digits or small letters, then a cancel tag), or -1. Looks at no more than 7 code
	 * points, so the pass stays linear.
	 */
	static int subdivisionFlagEnd(String text, int from) {
		int index = from;
		int count = 0;
		while (count <= 6) {
			int cp = codePointAt(text, index);
			if ((cp >= 0xE0030 && cp <= 0xE0039) || (cp >= 0xE0061 && cp <= 0xE007A)) {
				count++;
				index += 2;
			}
			else {
				return (cp == CANCEL_TAG && count >= 2) ? index + 2 : -1;
			}
		}
		return -1;
	}

	/**
	 * The code point at {@code index}, or -1 past the end or at a lone surrogate.
	 */
	private static int codePointAt(String text, int index) {
		if (index >= text.length()) {
			return -1;
		}
		char c = text.charAt(index);
		if (Character.isHighSurrogate(c)) {
			return (index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1)))
					? Character.toCodePoint(c, text.charAt(index + 1)) : -1;
		}
		return Character.isLowSurrogate(c) ? -1 : c;
	}

	static boolean isVariationSelector(int cp) {
		return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
	}

	/**
	 * Joiners are spelling inside emoji sequences (ZWJ between pictographs) and in
	 * scripts that use them orthographically (Arabic, Persian, Indic): keep them there,
	 * drop them everywhere else, where they only split words to dodge matching.
	 */
	private static boolean keepJoiner(int joiner, int previous, int next) {
		if (previous < 0 || next < 0) {
			return false;
		}
		if (joiner == ZWJ && isPictographic(previous) && isPictographic(next)) {
			return true;
		}
		return isJoiningScript(previous) && isJoiningScript(next);
	}

	private static boolean isPictographic(int cp) {
		if (cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
			return true; // emoji presentation selector, skin-tone modifiers
		}
		return cp >= 0x2190 && Character.getType(cp) == Character.OTHER_SYMBOL;
	}

	private static boolean isJoiningScript(int cp) {
		return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x0900 && cp <= 0x0DFF)
				|| (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
	}

	static final int KIND_KEEP = 0;

	static final int KIND_INVISIBLE = 1;

	static final int KIND_BIDI = 2;

	static final int KIND_TAG = 3;

	static final int KIND_CONTROL = 4;

	static final int KIND_LONE = 5;

	private static boolean isPlain(char c) {
		return (c >= 0x20) ? c < 0x7F : (c == '\n' || c == '\r' || c == '\t');
	}

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
