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
	 * Tells whether a trigger character at a position can be part of an entity: a chunk
	 * is scanned only when one of its triggers passes.
	 */
	@FunctionalInterface
	interface TriggerTest {

		boolean test(String text, int position);

	}

	/** Passes every trigger. */
	static final TriggerTest ANY = (text, position) -> true;

	static void forEach(PiiText text, char first, char second, RangeScanner scanner) {
		forEach(text, first, ANY, second, ANY, scanner);
	}

	/**
	 * Like {@link #forEach(PiiText, char, char, RangeScanner)}, visiting only the chunks
	 * with a trigger that passes its test. Valid when, beyond (a) and (b), every entity
	 * holds a trigger that passes.
	 */
	static void forEach(PiiText indexed, char first, TriggerTest firstTest, char second, TriggerTest secondTest,
			RangeScanner scanner) {
		String text = indexed.text();
		forEach(indexed, (from) -> next(text, first, firstTest, from),
				(second == first) ? (from) -> -1 : (from) -> next(text, second, secondTest, from), scanner);
	}

	/**
	 * Finds triggers: the first at or after a position, or -1.
	 */
	@FunctionalInterface
	interface TriggerSearch {

		int next(int from);

	}

	/**
	 * Like {@link #forEach(PiiText, char, TriggerTest, char, TriggerTest, RangeScanner)}
	 * with the triggers found by two searches.
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

	private static int next(String text, char trigger, TriggerTest test, int from) {
		int position = text.indexOf(trigger, from);
		while (position >= 0 && !test.test(text, position)) {
			position = text.indexOf(trigger, position + 1);
		}
		return position;
	}

}
