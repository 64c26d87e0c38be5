package dev.aisecurity.guard.injection;

/**
 * Words spelled out letter by letter, read as words: "i g n o r e", "i-g-n-o-r-e",
 * "ign.ore". A separator between two letters is dropped when it is not a space (a dot,
 * hyphen, underscore, star or bar inside a word), or when it is a single space between
 * two one-letter words; wider gaps stay, so "i g n o r e a l l" reads "ignore all". One
 * pass, linear in the text's length.
 */
final class Spelling {

	private Spelling() {
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
