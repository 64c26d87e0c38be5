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

	/**
	 * Scans the chunks holding {@code trigger}.
	 */
	static void forEach(PiiText text, char trigger, RangeScanner scanner) {
		String s = text.text();
		forEach(text, (from) -> s.indexOf(trigger, from), (from) -> -1, scanner);
	}

	/**
	 * Finds triggers: the first at or after a position, or -1.
	 */
	@FunctionalInterface
	interface TriggerSearch {

		int next(int from);

	}

	/**
	 * Like {@link #forEach(PiiText, char, RangeScanner)} with the triggers found by two
	 * searches, which may skip triggers that no entity can hold: valid when, beyond (a)
	 * and (b), every entity holds a trigger that one of them finds.
	 */
	static void forEach(PiiText indexed, TriggerSearch firstSearch, TriggerSearch secondSearch, RangeScanner scanner) {
		String text = indexed.text();
		int n = text.length();
		if (indexed.isExhaustive()) {
			// the general path: one range, the whole text
			scanner.scan(0, n);
			return;
		}
		int from = 0;
		int nextFirst = firstSearch.next(0);
		int nextSecond = secondSearch.next(0);
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
				nextFirst = firstSearch.next(from);
			}
			if (nextSecond >= 0 && nextSecond < from) {
				nextSecond = secondSearch.next(from);
			}
		}
	}

}
