package dev.aisecurity.guard.injection;

import java.util.Arrays;
import java.util.Set;

/**
 * Obfuscated spellings read back as plain words, each in one pass, linear in the text's
 * length.
 * <ul>
 * <li>Words spelled out letter by letter: "i g n o r e", "i-g-n-o-r-e", "ign.ore". A
 * separator between two letters is dropped when it is not a space (a dot, hyphen,
 * underscore, star or bar inside a word), or when it is a single space between two
 * one-letter words; wider gaps stay, so "i g n o r e a l l" reads "ignore all".</li>
 * <li>Key words split in two by a space: "ig nore the ru les".</li>
 * <li>Leetspeak's other reading of {@code 1}, as {@code l}: "ru1e5".</li>
 * </ul>
 */
final class Spelling {

	/**
	 * Key words of overrides and extractions that attackers split ("ig nore", "pass
	 * word", "sys.tem") or write in leetspeak: two pieces are read as one when together
	 * they make one of these and neither is one alone. The lexicon's
	 * {@link Concept#SPLIT} and {@link Concept#LEET_L} words are made from them.
	 */
	static final Set<String> KEYWORDS = Set.of("ignore", "ignoring", "disregard", "forget", "override", "bypass",
			"instruction", "instructions", "rules", "guidelines", "restrictions", "previous", "reveal", "password",
			"passwords", "secret", "secrets", "system", "prompt", "confidential", "jailbreak", "unrestricted",
			"unfiltered", "uncensored", "filters", "safety", "policy", "developer", "pretend", "hidden", "initial",
			"credentials");

	/** {@link #KEYWORDS} as {@link #key keys}, sorted. */
	private static final long[] KEYWORD_KEYS = keys(KEYWORDS);

	/** Most letters a {@link #key} holds (5 bits each in a long). */
	private static final int KEY_LETTERS = 12;

	private Spelling() {
	}

	/**
	 * The text with key words that were split by one space read whole ("ig nore the ru
	 * les" as "ignore the rules"), or {@code null} when fewer than {@code least} were:
	 * one split word is as often a typo. One pass over the words; each pair of neighbours
	 * is looked up once.
	 * @param text the text
	 * @param least the fewest split key words worth a second reading
	 * @return the joined text, or {@code null}
	 */
	static String splitKeywordsJoined(CharSequence text, int least) {
		int length = text.length();
		StringBuilder out = null;
		int joins = 0;
		int copied = 0;
		int previousStart = -1;
		int previousEnd = -1;
		int i = 0;
		while (i < length) {
			if (!Character.isLetter(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < length && Character.isLetter(text.charAt(i))) {
				i++;
			}
			if (previousStart >= 0 && previousEnd == start - 1 && text.charAt(previousEnd) == ' '
					&& joins(text, previousStart, previousEnd, start, i)) {
				if (out == null) {
					out = new StringBuilder(length);
				}
				out.append(text, copied, previousEnd);
				copied = start;
				joins++;
				// a joined word does not join again
				previousStart = -1;
				previousEnd = -1;
				continue;
			}
			previousStart = start;
			previousEnd = i;
		}
		if (joins < least || out == null) {
			return null;
		}
		return out.append(text, copied, length).toString();
	}

	private static boolean joins(CharSequence text, int firstStart, int firstEnd, int secondStart, int secondEnd) {
		long first = key(text, firstStart, firstEnd, 0);
		long joined = (first < 0) ? -1 : key(text, secondStart, secondEnd, first);
		return joined >= 0 && Arrays.binarySearch(KEYWORD_KEYS, joined) >= 0
				&& Arrays.binarySearch(KEYWORD_KEYS, first) < 0
				&& Arrays.binarySearch(KEYWORD_KEYS, key(text, secondStart, secondEnd, 0)) < 0;
	}

	/**
	 * The letters {@code a-z} (either case) of {@code text[from, to)} appended to
	 * {@code prefix}, 5 bits a letter, without building a string; -1 for any other
	 * character or more than {@value #KEY_LETTERS} letters in all.
	 */
	private static long key(CharSequence text, int from, int to, long prefix) {
		long key = prefix;
		for (int i = from; i < to; i++) {
			char c = (char) (text.charAt(i) | 0x20);
			if (c < 'a' || c > 'z' || (key >>> (5 * (KEY_LETTERS - 1))) != 0) {
				return -1;
			}
			key = (key << 5) | (c - 'a' + 1);
		}
		return key;
	}

	private static long[] keys(Set<String> words) {
		return words.stream().mapToLong((word) -> key(word, 0, word.length(), 0)).sorted().toArray();
	}

	/**
	 * The text with words spelled out or broken by separators joined ({@link #joined})
	 * and key words split by a space read whole.
	 * @param text the text
	 * @return the joined text
	 */
	static String unsplit(CharSequence text) {
		String joined = joined(text);
		String whole = splitKeywordsJoined(joined, 1);
		return (whole != null) ? whole : joined;
	}

	/**
	 * The text with every {@code 1} inside a word that mixes letters and digits read as
	 * {@code l} ("ru1e5"), the other reading of a digit that leetspeak uses for both
	 * {@code i} and {@code l}; {@code null} when there is none.
	 * @param text the text
	 * @return the other reading, or {@code null}
	 */
	static String leetOneAsL(CharSequence text) {
		int length = text.length();
		char[] out = null;
		int i = 0;
		while (i < length) {
			if (!Character.isLetterOrDigit(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			boolean letters = false;
			boolean ones = false;
			while (i < length && Character.isLetterOrDigit(text.charAt(i))) {
				char c = text.charAt(i++);
				letters |= Character.isLetter(c);
				ones |= c == '1';
			}
			if (letters && ones) {
				if (out == null) {
					out = text.toString().toCharArray();
				}
				for (int k = start; k < i; k++) {
					if (out[k] == '1') {
						out[k] = 'l';
					}
				}
			}
		}
		return (out != null) ? new String(out) : null;
	}

	static String joined(CharSequence text) {
		int length = text.length();
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (isSeparator(c) && i > 0 && i + 1 < length && Character.isLetter(text.charAt(i - 1))
					&& Character.isLetter(text.charAt(i + 1))
					&& (c != ' ' || (oneLetter(text, i - 1) && oneLetter(text, i + 1)))) {
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

	/** Whether the letter at {@code at} is a word of one letter in the text. */
	private static boolean oneLetter(CharSequence text, int at) {
		return (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
				&& (at + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(at + 1)));
	}

	private static boolean isSeparator(char c) {
		return c == ' ' || c == '-' || c == '.' || c == '_' || c == '*' || c == '|';
	}

}
