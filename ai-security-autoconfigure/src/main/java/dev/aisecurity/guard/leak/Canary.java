package dev.aisecurity.guard.leak;

import java.security.SecureRandom;
import java.util.Map;

import dev.aisecurity.guard.text.LinearSearch;

/**
 * A random per-request marker placed in the system prompt. The model has no reason to
 * ever write it, so its appearance in an answer proves the system prompt leaked.
 * <p>
 * A canary reads {@code AISEC-CANARY-<20 base32 characters>}. Detection ignores case and
 * every character that is not a letter or digit, so a model that spaces, hyphenates or
 * upper-cases the marker is still caught.
 */
public final class Canary {

	/** Prefix of every canary. */
	public static final String PREFIX = "AISEC-CANARY-";

	/**
	 * Scan-context attribute holding the request's canary, for scanners run without the
	 * system prompt at hand.
	 */
	public static final String CONTEXT_ATTRIBUTE = "ai.security.canary";

	private static final int RANDOM_LENGTH = 20;

	/** Enough bytes for 20 characters of five bits. */
	static final int RANDOM_BYTES = (RANDOM_LENGTH * 5 + 7) / 8;

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Canary() {
	}

	/**
	 * A fresh canary (100 random bits).
	 */
	public static String generate() {
		// one draw for the whole canary: the shared generator takes a lock per call, and
		// one call per character contended between request threads
		byte[] random = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(random);
		return PREFIX + encode(random);
	}

	/**
	 * The random part of a canary: the first 100 bits of the bytes, five bits per
	 * character, most significant first.
	 * @param random at least {@value #RANDOM_BYTES} random bytes
	 * @return 20 characters of the canary alphabet
	 */
	static String encode(byte[] random) {
		char[] chars = new char[RANDOM_LENGTH];
		int bits = 0;
		int available = 0;
		int next = 0;
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			if (available < 5) {
				bits = (bits << 8) | (random[next++] & 0xff);
				available += 8;
			}
			available -= 5;
			chars[i] = ALPHABET[(bits >>> available) & 31];
		}
		return new String(chars);
	}

	/**
	 * The system prompt with the canary appended on a line of its own.
	 * @param systemPrompt the system prompt, may be {@code null} or empty
	 * @param canary from {@link #generate()}
	 */
	public static String embed(String systemPrompt, String canary) {
		String line = "[" + canary + "] (confidential session marker)";
		if (systemPrompt == null || systemPrompt.isEmpty()) {
			return line;
		}
		return systemPrompt + "\n\n" + line;
	}

	/**
	 * The canary embedded in a system prompt, or {@code null}.
	 */
	public static String find(String systemPrompt) {
		if (systemPrompt == null) {
			return null;
		}
		int at = systemPrompt.lastIndexOf(PREFIX);
		if (at < 0) {
			return null;
		}
		int start = at + PREFIX.length();
		int end = start;
		while (end < systemPrompt.length() && end - start < RANDOM_LENGTH && isAlphabet(systemPrompt.charAt(end))) {
			end++;
		}
		return (end - start == RANDOM_LENGTH) ? systemPrompt.substring(at, end) : null;
	}

	/**
	 * The canary of a scan: the context attribute, else the one embedded in the system
	 * prompt, else {@code null}.
	 */
	public static String of(String systemPrompt, Map<String, Object> attributes) {
		Object attribute = attributes.get(CONTEXT_ATTRIBUTE);
		if (attribute instanceof String canary && !canary.isEmpty()) {
			return canary;
		}
		return find(systemPrompt);
	}

	/**
	 * Whether a text contains the canary's random part, ignoring case and any characters
	 * inserted between its letters that are not letters or digits. Linear in the text.
	 * @param text the text, ideally normalised (look-alike letters folded)
	 * @param canary the canary
	 */
	public static boolean appearsIn(String text, String canary) {
		String core = core(canary);
		if (core.isEmpty()) {
			return false;
		}
		// Match the core's characters in order, skipping separators between them: a
		// small automaton with a KMP failure table over the core
		int[] failure = LinearSearch.borders(core);
		int matched = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = Character.toLowerCase(text.charAt(i));
			if (!Character.isLetterOrDigit(c)) {
				continue;
			}
			while (matched > 0 && core.charAt(matched) != c) {
				matched = failure[matched - 1];
			}
			if (core.charAt(matched) == c) {
				matched++;
				if (matched == core.length()) {
					return true;
				}
			}
		}
		return false;
	}

	static String core(String canary) {
		String random = canary.startsWith(PREFIX) ? canary.substring(PREFIX.length()) : canary;
		StringBuilder sb = new StringBuilder(random.length());
		for (int i = 0; i < random.length(); i++) {
			char c = Character.toLowerCase(random.charAt(i));
			if (Character.isLetterOrDigit(c)) {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	private static boolean isAlphabet(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
	}

}
