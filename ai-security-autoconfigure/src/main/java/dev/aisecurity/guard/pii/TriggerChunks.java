package dev.aisecurity.guard.pii;

/**
 * Visits the whitespace-delimited chunks of a text that contain a trigger character,
 * skipping the rest without looking at it character by character (the trigger search is
 * {@link String#indexOf(int, int)}, which the JVM vectorises).
 * <p>
 * Valid for a left-to-right scanner only when (a) every entity it can report contains a
 * trigger character and (b) none of its jumps crosses a character at or below U+0020, so
 * that the scan is at such a character in the same state whether it started at the
 * beginning or there. Each character is visited a bounded number of times: linear.
 */
final class TriggerChunks {

	private TriggerChunks() {
	}

	/**
	 * Receives a range {@code [from, to)} to scan; {@code from} is the text's start or
	 * follows a character at or below U+0020, {@code to} is the text's end or such a
	 * character.
	 */
	@FunctionalInterface
	interface RangeScanner {

		void scan(int from, int to);

	}

	static void forEach(String text, char first, char second, RangeScanner scanner) {
		int n = text.length();
		int from = 0;
		int nextFirst = text.indexOf(first);
		int nextSecond = (second == first) ? -1 : text.indexOf(second);
		while (nextFirst >= 0 || nextSecond >= 0) {
			int trigger = (nextFirst < 0) ? nextSecond : (nextSecond < 0) ? nextFirst : Math.min(nextFirst, nextSecond);
			int start = trigger;
			while (start > from && text.charAt(start - 1) > ' ') {
				start--;
			}
			int end = trigger + 1;
			while (end < n && text.charAt(end) > ' ') {
				end++;
			}
			scanner.scan(start, end);
			from = end;
			if (nextFirst >= 0 && nextFirst < from) {
				nextFirst = text.indexOf(first, from);
			}
			if (nextSecond >= 0 && nextSecond < from) {
				nextSecond = text.indexOf(second, from);
			}
		}
	}

}
