package dev.aisecurity.guard.injection;

/**
 * One pass over the sanitised text (case kept) that tells whether the detectors reading
 * it can find anything, so that ordinary prose skips them: {@link EncodedPayloads} needs
 * a run of at least 16 base64 characters, a percent sign or a run of at least 24 Morse
 * characters; {@link AdversarialSuffixDetector} needs three strange characters or
 * lower-to-upper case flips inside a word. One table look-up and no data-dependent branch
 * per character.
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

	private static final byte[] ASCII_CLASS = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			boolean base64 = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
					|| c == '/' || c == '=' || c == '-' || c == '_';
			ASCII_CLASS[c] = (byte) ((base64 ? BASE64 : 0) | (isMorse(c) ? MORSE : 0)
					| ((c >= 'a' && c <= 'z') ? LOWER : 0) | ((c >= 'A' && c <= 'Z') ? UPPER : 0)
					| (AdversarialSuffixDetector.isStrange(c) ? STRANGE : 0) | ((c == '%') ? PERCENT : 0));
		}
	}

	private SanitizedProfile() {
	}

	private static boolean isMorse(char c) {
		return c == '.' || c == '-' || c == ' ' || c == '/' || c == '\u2022' || c == '_';
	}

	/**
	 * The detectors that may find something, as {@link #ENCODED} and {@link #SUFFIX}
	 * bits.
	 */
	static int of(String text) {
		int length = text.length();
		int base64Run = 0;
		int morseRun = 0;
		// bit 31 set once a run reached its minimum: a sign test instead of a maximum
		int longRun = 0;
		int percent = 0;
		int evidence = 0;
		int lower = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			int kind = (c < 128) ? ASCII_CLASS[c] : ((c == '\u2022') ? MORSE : 0);
			base64Run = (base64Run + 1) & -(kind & BASE64);
			morseRun = (morseRun + 1) & -((kind >> 1) & 1);
			longRun |= (MIN_BASE64_RUN - 1 - base64Run) | (MIN_MORSE_RUN - 1 - morseRun);
			percent |= kind;
			// an upper-case letter right after a lower-case one, or a strange character
			evidence += (lower & (kind >> 3)) | ((kind >> 4) & 1);
			lower = (kind >> 2) & 1;
		}
		boolean encoded = (percent & PERCENT) != 0 || longRun < 0;
		return (encoded ? ENCODED : 0) | ((evidence >= MIN_SUFFIX_EVIDENCE) ? SUFFIX : 0);
	}

}
