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

	/**
	 * Whether {@link #estimate} of the text exceeds a limit, usually without the full
	 * estimate: no character costs more than one token, and for plain ASCII a few counts
	 * taken eight characters at a time bound the estimate from both sides (a run of
	 * {@code n} letters costs between {@code n / 4} and {@code (n + 3) / 4} tokens); only
	 * a text between the bounds gets the full estimate.
	 * @param text the text
	 * @param limit the most tokens allowed
	 * @return {@code estimate(text) > limit}
	 */
	public static boolean exceeds(String text, long limit) {
		return exceeds(text, null, limit);
	}

	/**
	 * {@link #exceeds(String, long)} of a text whose characters, when all are ASCII, the
	 * caller already has as bytes (for example
	 * {@link dev.aisecurity.guard.GuardText#plainAscii()}).
	 * @param text the text
	 * @param ascii the characters of {@code text} as bytes, each below 0x80, or
	 * {@code null} when not known
	 * @param limit the most tokens allowed
	 * @return {@code estimate(text) > limit}
	 */
	public static boolean exceeds(String text, byte[] ascii, long limit) {
		if (text.length() <= limit) {
			return false;
		}
		AsciiCounts counts = (ascii != null) ? AsciiCounts.count(ascii, null) : AsciiCounts.of(text);
		if (counts != null) {
			if (counts.atMost() <= limit) {
				return false;
			}
			if (counts.atLeast() > limit) {
				return true;
			}
		}
		return estimate(text) > limit;
	}

	/**
	 * Counts of plain ASCII text that bound its estimate: letters and digits, the runs
	 * they form, and punctuation (one token each).
	 */
	record AsciiCounts(long letters, long letterRuns, long digits, long digitRuns, long punctuation) {

		private static final long ONES = AsciiBytes.ONES;

		/**
		 * Counts over bytes below 0x80, eight at a time; each test leaves the high bit of
		 * every byte that passes it, without carries between bytes.
		 * @return the counts, or {@code null} when the text is not ASCII
		 */
		static AsciiCounts of(String text) {
			byte[] bytes = AsciiBytes.candidate(text);
			return (bytes != null) ? count(bytes, text) : null;
		}

		/**
		 * Counts over the bytes of a text: checked against {@code text} word by word
		 * ({@code null} when it is not ASCII), or trusted when {@code text} is
		 * {@code null} (bytes known to be ASCII).
		 */
		static AsciiCounts count(byte[] bytes, String text) {
			long letters = 0;
			long letterRuns = 0;
			long digits = 0;
			long digitRuns = 0;
			long blanks = 0;
			long previousLetters = 0;
			long previousDigits = 0;
			int length = bytes.length;
			for (int i = 0; i < length; i += Long.BYTES) {
				long word = (i + Long.BYTES <= length) ? AsciiBytes.word(bytes, i) : tail(bytes, i);
				if (text != null && !AsciiBytes.isAsciiWord(text, bytes, i, word)) {
					return null;
				}
				long folded = word | (ONES * 0x20);
				long letter = (folded + ONES * (0x80 - 'a')) & ~(folded + ONES * (0x80 - 'z' - 1))
						& AsciiBytes.HIGH_BITS;
				long digit = (word + ONES * (0x80 - '0')) & ~(word + ONES * (0x80 - '9' - 1)) & AsciiBytes.HIGH_BITS;
				// blanks: space, tab, line feed, carriage return; other bytes below 0x20
				// (control characters, rare) count as punctuation
				long belowSpace = ~(word + ONES * (0x80 - ' ')) & AsciiBytes.HIGH_BITS;
				long blank = ~(word + ONES * (0x80 - ' ' - 1)) & ~belowSpace & AsciiBytes.HIGH_BITS;
				if (belowSpace != 0) {
					blank |= AsciiBytes.equalBytes(word, '\t') | AsciiBytes.equalBytes(word, '\n')
							| AsciiBytes.equalBytes(word, '\r');
				}
				letters += Long.bitCount(letter);
				digits += Long.bitCount(digit);
				blanks += Long.bitCount(blank);
				// a run starts where the byte before (for the first byte, the last one
				// of the previous word) is not of its class
				letterRuns += Long.bitCount(letter & ~((letter << 8) | (previousLetters >>> 56)));
				digitRuns += Long.bitCount(digit & ~((digit << 8) | (previousDigits >>> 56)));
				previousLetters = letter;
				previousDigits = digit;
			}
			int padding = (Long.BYTES - length % Long.BYTES) % Long.BYTES;
			long punctuation = length - letters - digits - (blanks - padding);
			return new AsciiCounts(letters, letterRuns, digits, digitRuns, punctuation);
		}

		/** The last bytes of a text, padded with spaces (no token, no run). */
		private static long tail(byte[] bytes, int from) {
			long word = ONES * ' ';
			for (int i = from; i < bytes.length; i++) {
				int shift = (i - from) * Byte.SIZE;
				word = (word & ~(0xFFL << shift)) | ((long) (bytes[i] & 0xFF) << shift);
			}
			return word;
		}

		long atLeast() {
			return this.punctuation + (this.letters + 3) / 4 + (this.digits + 2) / 3;
		}

		long atMost() {
			return this.punctuation + (this.letters + 3 * this.letterRuns) / 4 + (this.digits + 2 * this.digitRuns) / 3;
		}

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
