package dev.aisecurity.guard.text;

/**
 * Substring search in guaranteed linear time (Knuth-Morris-Pratt). {@link String#indexOf}
 * is quadratic in the worst case ({@code "aaa...ab"} in {@code "aaa...a"}), which matters
 * when both the text and the pattern can be large and attacker-influenced, such as a
 * retrieved document searched for in a prompt.
 */
public final class LinearSearch {

	private LinearSearch() {
	}

	/**
	 * First index of {@code pattern} in {@code text} at or after {@code from}.
	 * @param text the text searched
	 * @param pattern the non-empty pattern
	 * @param from first index to consider (clamped to {@code [0, text.length()]})
	 * @return the index, or -1 when absent
	 */
	public static int indexOf(CharSequence text, String pattern, int from) {
		int n = text.length();
		int m = pattern.length();
		int start = Math.max(0, Math.min(from, n));
		if (m == 0) {
			return start;
		}
		if (m > n - start) {
			return -1;
		}
		int[] border = borders(pattern);
		int matched = 0;
		for (int i = start; i < n; i++) {
			char c = text.charAt(i);
			while (matched > 0 && pattern.charAt(matched) != c) {
				matched = border[matched - 1];
			}
			if (pattern.charAt(matched) == c) {
				matched++;
				if (matched == m) {
					return i - m + 1;
				}
			}
		}
		return -1;
	}

	/**
	 * The KMP failure table of a pattern, for callers that run their own automaton (for
	 * example one that skips separators).
	 * @param pattern the pattern
	 * @return {@code border[i]}: the length of the longest proper prefix of
	 * {@code pattern[0..i]} that is also its suffix
	 */
	public static int[] borders(String pattern) {
		int[] border = new int[pattern.length()];
		int k = 0;
		for (int i = 1; i < pattern.length(); i++) {
			while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
				k = border[k - 1];
			}
			if (pattern.charAt(i) == pattern.charAt(k)) {
				k++;
			}
			border[i] = k;
		}
		return border;
	}

}
