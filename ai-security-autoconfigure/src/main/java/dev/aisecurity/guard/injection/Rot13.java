package dev.aisecurity.guard.injection;

/**
 * ROT13, the letter rotation that a text asking to be "decoded from ROT13" is written in:
 * whether a text names it, and the text rotated back. Both run in one pass.
 */
final class Rot13 {

	private Rot13() {
	}

	/**
	 * Whether a lower-case text names ROT13 ("rot13", "rot-13", "rot 13").
	 */
	static boolean named(CharSequence text) {
		int n = text.length();
		for (int i = 0; i + 4 < n; i++) {
			if (text.charAt(i) == 'r' && text.charAt(i + 1) == 'o' && text.charAt(i + 2) == 't'
					&& (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
				int j = i + 3;
				if (text.charAt(j) == '-' || text.charAt(j) == ' ') {
					j++;
				}
				if (j + 1 < n && text.charAt(j) == '1' && text.charAt(j + 1) == '3') {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The text with every ASCII letter rotated by 13 places.
	 */
	static String of(CharSequence text) {
		char[] chars = new char[text.length()];
		for (int i = 0; i < chars.length; i++) {
			char c = text.charAt(i);
			if (c >= 'a' && c <= 'z') {
				c = (char) ('a' + (c - 'a' + 13) % 26);
			}
			else if (c >= 'A' && c <= 'Z') {
				c = (char) ('A' + (c - 'A' + 13) % 26);
			}
			chars[i] = c;
		}
		return new String(chars);
	}

}
