package dev.aisecurity.guard.secrets;

/**
 * Cheap statistics that tell random-looking values (keys, tokens) from words, code and
 * placeholders.
 */
public final class Entropy {

	private Entropy() {
	}

	/**
	 * Shannon entropy in bits per character of {@code text[start, end)}.
	 */
	public static double shannon(CharSequence text, int start, int end) {
		int length = end - start;
		if (length <= 0) {
			return 0;
		}
		int[] counts = new int[128];
		java.util.Map<Character, Integer> other = null;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < 128) {
				counts[c]++;
			}
			else {
				if (other == null) {
					other = new java.util.HashMap<>();
				}
				other.merge(c, 1, Integer::sum);
			}
		}
		double entropy = 0;
		for (int count : counts) {
			if (count > 0) {
				double p = (double) count / length;
				entropy -= p * Math.log(p);
			}
		}
		if (other != null) {
			for (int count : other.values()) {
				double p = (double) count / length;
				entropy -= p * Math.log(p);
			}
		}
		return entropy / Math.log(2);
	}

	public static double shannon(CharSequence text) {
		return shannon(text, 0, text.length());
	}

	/**
	 * Whether the value contains a run of {@code length} consecutive letters of the
	 * alphabet ("abcdefgh", "KLMNOPQR"), the mark of a made-up example value.
	 */
	public static boolean hasAlphabetRun(CharSequence value, int length) {
		int run = 1;
		for (int i = 1; i < value.length(); i++) {
			char previous = Character.toLowerCase(value.charAt(i - 1));
			char current = Character.toLowerCase(value.charAt(i));
			if (current >= 'a' && current <= 'z' && current == previous + 1) {
				run++;
				if (run >= length) {
					return true;
				}
			}
			else {
				run = 1;
			}
		}
		return false;
	}

	/**
	 * Whether the value contains {@code times} or more of one character in a row ("xxxx",
	 * "****", "0000").
	 */
	public static boolean hasRepeat(CharSequence value, int times) {
		int run = 1;
		for (int i = 1; i < value.length(); i++) {
			if (Character.toLowerCase(value.charAt(i)) == Character.toLowerCase(value.charAt(i - 1))) {
				run++;
				if (run >= times) {
					return true;
				}
			}
			else {
				run = 1;
			}
		}
		return false;
	}

	/**
	 * Counts of character classes: {lower, upper, digit, other}.
	 */
	static int[] classes(CharSequence value) {
		int[] counts = new int[4];
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 'a' && c <= 'z') {
				counts[0]++;
			}
			else if (c >= 'A' && c <= 'Z') {
				counts[1]++;
			}
			else if (c >= '0' && c <= '9') {
				counts[2]++;
			}
			else {
				counts[3]++;
			}
		}
		return counts;
	}

}
