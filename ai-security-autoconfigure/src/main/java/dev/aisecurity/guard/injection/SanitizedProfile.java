package dev.aisecurity.guard.injection;

import dev.aisecurity.guard.text.AsciiBytes;

/**
 * One pass over the sanitised text (case kept) that tells whether the detectors reading
 * it can find anything, so that ordinary prose skips them: {@link EncodedPayloads} needs
 * a run of at least 16 base64 characters, a percent sign or a run of at least 24 Morse
 * characters; {@link AdversarialSuffixDetector} needs three strange characters or
 * lower-to-upper case flips inside a word. A table look-up per character, eight at a
 * time, and closer looks only where a block of eight holds a candidate.
 */
final class SanitizedProfile {

	/** {@link EncodedPayloads} may find a span to decode. */
	static final int ENCODED = 1;

	/** {@link AdversarialSuffixDetector} may score. */
	static final int SUFFIX = 2;

	private static final int MIN_BASE64_RUN = 16;

	private static final int MIN_MORSE_RUN = 24;

	private static final int MIN_SUFFIX_EVIDENCE = 3;

	// character class bits; the shifts below depend on their positions
	private static final int BASE64 = 1;

	private static final int MORSE = 2;

	private static final int LOWER = 4;

	private static final int UPPER = 8;

	private static final int STRANGE = 16;

	private static final int PERCENT = 32;

	/** Stand-in for the bullet, read as a Morse dot. */
	private static final byte BULLET = (byte) 0x80;

	/** Stand-in for any other character outside ASCII. */
	private static final byte OTHER = (byte) 0x81;

	/** Classes of the ASCII characters and of the two stand-ins. */
	private static final byte[] CLASS = new byte[256];

	static {
		CLASS[BULLET & 0xFF] = MORSE;
		for (char c = 0; c < 128; c++) {
			boolean base64 = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
					|| c == '/' || c == '=' || c == '-' || c == '_';
			CLASS[c] = (byte) ((base64 ? BASE64 : 0) | (isMorse(c) ? MORSE : 0) | ((c >= 'a' && c <= 'z') ? LOWER : 0)
					| ((c >= 'A' && c <= 'Z') ? UPPER : 0) | (AdversarialSuffixDetector.isStrange(c) ? STRANGE : 0)
					| ((c == '%') ? PERCENT : 0));
		}
	}

	private SanitizedProfile() {
	}

	private static boolean isMorse(char c) {
		return c == '.' || c == '-' || c == ' ' || c == '/' || c == '\u2022' || c == '_';
	}

	/**
	 * The detectors that may find something, as {@link #ENCODED} and {@link #SUFFIX}
	 * bits. The general path: characters outside ASCII stand in as two bytes that no
	 * ASCII character uses, the bullet (a Morse dot) and any other.
	 */
	static int of(String text) {
		byte[] bytes = new byte[text.length()];
		for (int i = 0; i < bytes.length; i++) {
			char c = text.charAt(i);
			bytes[i] = (c < 0x80) ? (byte) c : (c == '\u2022') ? BULLET : OTHER;
		}
		return of(bytes, bytes.length);
	}

	/**
	 * The same for the first {@code length} bytes of an ASCII text (or of the stand-ins
	 * of {@link #of(String)}). Eight characters at a time: a block with no capital, no
	 * strange character and no percent sign adds no evidence, and a run long enough to
	 * decode covers a whole aligned block of its characters, so only such blocks are
	 * measured.
	 */
	static int of(byte[] bytes, int length) {
		boolean encoded = false;
		int evidence = 0;
		// runs through positions below these were measured already
		int base64Measured = 0;
		int morseMeasured = 0;
		int i = 0;
		for (; i < length; i += Long.BYTES) {
			int end = Math.min(length, i + Long.BYTES);
			long word = (end - i == Long.BYTES) ? AsciiBytes.word(bytes, i) : HIGH_BITS;
			long letters = (word + ONES * (0x80 - 'a')) & ~(word + ONES * (0x80 - 'z' - 1)) & HIGH_BITS;
			long spaces = zeroBytes(word ^ (ONES * ' '));
			if ((word & HIGH_BITS) == 0 && (letters | spaces) == HIGH_BITS) {
				// lower-case letters and spaces, as in most prose: no capital, nothing
				// strange
				if (!encoded && spaces == 0 && i >= base64Measured) {
					base64Measured = runEnd(bytes, length, end, BASE64);
					encoded = base64Measured - runStart(bytes, i, BASE64) >= MIN_BASE64_RUN;
				}
				if (!encoded && letters == 0 && i >= morseMeasured) {
					morseMeasured = runEnd(bytes, length, end, MORSE);
					encoded = morseMeasured - runStart(bytes, i, MORSE) >= MIN_MORSE_RUN;
				}
				if (encoded && evidence >= MIN_SUFFIX_EVIDENCE) {
					break;
				}
				continue;
			}
			if ((word & HIGH_BITS) == 0) {
				// ASCII with capitals, digits or punctuation: the same tests on all eight
				// bytes at once
				if (evidence < MIN_SUFFIX_EVIDENCE) {
					long lowerBefore = (i > 0 && (CLASS[bytes[i - 1] & 0xFF] & LOWER) != 0) ? 0x80 : 0;
					evidence += Long.bitCount(strange(word))
							+ Long.bitCount(upper(word) & ((letters << Byte.SIZE) | lowerBefore));
				}
				encoded |= AsciiBytes.equalBytes(word, '%') != 0;
				if (!encoded && spaces == 0 && i >= base64Measured && isBase64(word)) {
					base64Measured = runEnd(bytes, length, end, BASE64);
					encoded = base64Measured - runStart(bytes, i, BASE64) >= MIN_BASE64_RUN;
				}
				if (!encoded && i >= morseMeasured && isMorse(word, spaces)) {
					morseMeasured = runEnd(bytes, length, end, MORSE);
					encoded = morseMeasured - runStart(bytes, i, MORSE) >= MIN_MORSE_RUN;
				}
				if (encoded && evidence >= MIN_SUFFIX_EVIDENCE) {
					break;
				}
				continue;
			}
			int any = 0;
			int all = -1;
			for (int k = i; k < end; k++) {
				int kind = CLASS[bytes[k] & 0xFF];
				any |= kind;
				all &= kind;
			}
			if ((any & (UPPER | STRANGE)) != 0 && evidence < MIN_SUFFIX_EVIDENCE) {
				evidence += evidence(bytes, i, end);
			}
			encoded |= (any & PERCENT) != 0;
			if (!encoded && end - i == Long.BYTES) {
				if ((all & BASE64) != 0 && i >= base64Measured) {
					base64Measured = runEnd(bytes, length, end, BASE64);
					encoded = base64Measured - runStart(bytes, i, BASE64) >= MIN_BASE64_RUN;
				}
				if (!encoded && (all & MORSE) != 0 && i >= morseMeasured) {
					morseMeasured = runEnd(bytes, length, end, MORSE);
					encoded = morseMeasured - runStart(bytes, i, MORSE) >= MIN_MORSE_RUN;
				}
			}
			if (encoded && evidence >= MIN_SUFFIX_EVIDENCE) {
				break;
			}
		}
		return (encoded ? ENCODED : 0) | ((evidence >= MIN_SUFFIX_EVIDENCE) ? SUFFIX : 0);
	}

	private static final long ONES = AsciiBytes.ONES;

	private static final long HIGH_BITS = AsciiBytes.HIGH_BITS;

	/**
	 * The high bit of each byte of a word that is zero, exactly (no borrows: each byte is
	 * tested on its own).
	 */
	private static long zeroBytes(long word) {
		long low = 0x7F7F7F7F7F7F7F7FL;
		return ~(((word & low) + low) | word | low);
	}

	/**
	 * The high bit of each byte of an ASCII word from {@code low} to {@code high}.
	 */
	private static long range(long word, int low, int high) {
		return (word + ONES * (0x80 - low)) & ~(word + ONES * (0x7F - high)) & HIGH_BITS;
	}

	private static long upper(long word) {
		return range(word, 'A', 'Z');
	}

	/**
	 * The strange characters of an ASCII word
	 * ({@link AdversarialSuffixDetector#isStrange}): {@code ( ) * +}, {@code < = >},
	 * {@code $}, and, with 0x20 set, {@code [ \ ] ^} and {@code { | } ~} as the latter,
	 * {@code @} and {@code `} as the latter.
	 */
	private static long strange(long word) {
		long folded = word | (ONES * 0x20);
		return range(word, '(', '+') | range(word, '<', '>') | AsciiBytes.equalBytes(word, '$')
				| range(folded, '{', '~') | AsciiBytes.equalBytes(folded, '`');
	}

	/**
	 * Whether an ASCII word with no space is all base64 characters.
	 */
	private static boolean isBase64(long word) {
		long folded = word | (ONES * 0x20);
		long base64 = range(folded, 'a', 'z') | range(word, '0', '9') | AsciiBytes.equalBytes(word, '+')
				| AsciiBytes.equalBytes(word, '/') | AsciiBytes.equalBytes(word, '=') | AsciiBytes.equalBytes(word, '-')
				| AsciiBytes.equalBytes(word, '_');
		return base64 == HIGH_BITS;
	}

	/**
	 * Whether an ASCII word is all Morse characters.
	 * @param spaces its spaces
	 */
	private static boolean isMorse(long word, long spaces) {
		long morse = spaces | AsciiBytes.equalBytes(word, '.') | AsciiBytes.equalBytes(word, '-')
				| AsciiBytes.equalBytes(word, '/') | AsciiBytes.equalBytes(word, '_');
		return morse == HIGH_BITS;
	}

	/**
	 * Upper-case letters right after a lower-case one, and strange characters.
	 */
	private static int evidence(byte[] bytes, int from, int to) {
		int evidence = 0;
		int lower = (from > 0) ? (CLASS[bytes[from - 1] & 0xFF] >> 2) & 1 : 0;
		for (int k = from; k < to; k++) {
			int kind = CLASS[bytes[k] & 0xFF];
			evidence += (lower & (kind >> 3)) | ((kind >> 4) & 1);
			lower = (kind >> 2) & 1;
		}
		return evidence;
	}

	private static int runStart(byte[] bytes, int from, int kind) {
		int start = from;
		while (start > 0 && (CLASS[bytes[start - 1] & 0xFF] & kind) != 0) {
			start--;
		}
		return start;
	}

	private static int runEnd(byte[] bytes, int length, int from, int kind) {
		int end = from;
		while (end < length && (CLASS[bytes[end] & 0xFF] & kind) != 0) {
			end++;
		}
		return end;
	}

}
