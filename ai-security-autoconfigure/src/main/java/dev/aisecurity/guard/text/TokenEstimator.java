package dev.aisecurity.guard.text;

/**
 * A cheap estimate of how many tokens a byte-pair-encoding tokenizer (of the kind GPT,
 * Claude, Llama and Mistral models use) makes of a text, in one pass and without a
 * vocabulary. It errs on the high side for ordinary prose, which is what a limit wants.
 * <p>
 * Rules, per run of characters of one class:
 * <ul>
 * <li>ASCII letters: one token per 4 letters, rounded up (an English word averages about
 * 1.3 tokens);</li>
 * <li>digits: one token per 3 digits, rounded up (tokenizers split numbers into groups of
 * up to three);</li>
 * <li>other alphabetic scripts (accented Latin, Cyrillic, Greek, Arabic, Hebrew, Indic):
 * one token per 2 letters, rounded up;</li>
 * <li>Chinese, Japanese and Korean characters: one token each;</li>
 * <li>ASCII punctuation and symbols: one token each;</li>
 * <li>other symbols and emoji: one token per UTF-16 unit (two for most emoji);</li>
 * <li>whitespace: free (tokenizers fold it into the following token).</li>
 * </ul>
 */
public final class TokenEstimator {

	private static final int NONE = 0;

	private static final int ASCII_LETTER = 1;

	private static final int DIGIT = 2;

	private static final int OTHER_LETTER = 3;

	private static final int CLASS_MASK = 3;

	/**
	 * ASCII characters: the class in the low two bits, 1 above them for punctuation and
	 * symbols, each a token of its own.
	 */
	private static final byte[] ASCII_KIND = new byte[0x80];

	static {
		for (char c = 0; c < 0x80; c++) {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				ASCII_KIND[c] = ASCII_LETTER;
			}
			else if (c >= '0' && c <= '9') {
				ASCII_KIND[c] = DIGIT;
			}
			else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				ASCII_KIND[c] = NONE;
			}
			else {
				ASCII_KIND[c] = (byte) (NONE | (1 << 2));
			}
		}
	}

	private TokenEstimator() {
	}

	/**
	 * Estimate the tokens in a text.
	 * @param text the text
	 * @return the estimated token count, never negative
	 */
	public static long estimate(CharSequence text) {
		long tokens = 0;
		int runClass = NONE;
		int runLength = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			int cls;
			if (c < 0x80) {
				int kind = ASCII_KIND[c];
				cls = kind & CLASS_MASK;
				tokens += kind >>> 2;
			}
			else if (isCjk(c)) {
				cls = NONE;
				tokens++;
			}
			else if (Character.isLetter(c)) {
				cls = OTHER_LETTER;
			}
			else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				cls = NONE;
			}
			else {
				// symbols, emoji (each surrogate counts), combining marks
				cls = NONE;
				tokens++;
			}
			if (cls != runClass) {
				tokens += runTokens(runClass, runLength);
				runClass = cls;
				runLength = 0;
			}
			if (cls != NONE) {
				runLength++;
			}
		}
		return tokens + runTokens(runClass, runLength);
	}

	private static long runTokens(int runClass, int runLength) {
		return switch (runClass) {
			case ASCII_LETTER -> (runLength + 3) / 4;
			case DIGIT -> (runLength + 2) / 3;
			case OTHER_LETTER -> (runLength + 1) / 2;
			default -> 0;
		};
	}

	private static boolean isCjk(char c) {
		return (c >= 0x3040 && c <= 0x30FF) // Hiragana, Katakana
				|| (c >= 0x3400 && c <= 0x4DBF) // CJK extension A
				|| (c >= 0x4E00 && c <= 0x9FFF) // CJK unified ideographs
				|| (c >= 0xAC00 && c <= 0xD7AF) // Hangul syllables
				|| (c >= 0xF900 && c <= 0xFAFF); // CJK compatibility ideographs
	}

}
