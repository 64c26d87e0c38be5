package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A recogniser's findings except those that are part of something else: a value after a
 * {@code #} (an issue number {@code #57280}, a colour {@code #AB12EF}), a value
 * continuing a decimal or version number, whose first digit follows a digit and a full
 * stop or comma ({@code 3.14159}) or whose last digit is followed by them
 * ({@code OS X 10.9}), and what a type-specific test names (a ZIP+4 code after its state
 * is not an SSN).
 */
final class StandaloneRecognizer implements PiiRecognizer {

	private final PiiRecognizer recognizer;

	private final BiPredicate<String, PiiEntity> partOfSomethingElse;

	private StandaloneRecognizer(PiiRecognizer recognizer, BiPredicate<String, PiiEntity> partOfSomethingElse) {
		this.recognizer = recognizer;
		this.partOfSomethingElse = partOfSomethingElse;
	}

	static PiiRecognizer of(PiiRecognizer recognizer) {
		return of(recognizer, (text, entity) -> false);
	}

	/**
	 * @param partOfSomethingElse also drop the entities this names, given the text
	 */
	static PiiRecognizer of(PiiRecognizer recognizer, BiPredicate<String, PiiEntity> partOfSomethingElse) {
		return new StandaloneRecognizer(recognizer, partOfSomethingElse);
	}

	@Override
	public Set<String> types() {
		return this.recognizer.types();
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		int from = out.size();
		this.recognizer.recognize(text, out);
		String s = text.text();
		// keep in place, in one pass
		int kept = from;
		for (int i = from; i < out.size(); i++) {
			PiiEntity entity = out.get(i);
			boolean reference = entity.start() > 0 && s.charAt(entity.start() - 1) == '#';
			if (!reference && !continuesNumber(s, entity.start(), -1) && !continuesNumber(s, entity.end() - 1, 1)
					&& !this.partOfSomethingElse.test(s, entity)) {
				out.set(kept++, entity);
			}
		}
		out.subList(kept, out.size()).clear();
	}

	/**
	 * Whether the digit at {@code edge} has a full stop or comma and a digit beyond it.
	 */
	private static boolean continuesNumber(String s, int edge, int step) {
		int mark = edge + step;
		int beyond = edge + 2 * step;
		return PiiText.isDigit(s.charAt(edge)) && beyond >= 0 && beyond < s.length()
				&& (s.charAt(mark) == '.' || s.charAt(mark) == ',') && PiiText.isDigit(s.charAt(beyond));
	}

	@Override
	public String toString() {
		return this.recognizer.toString();
	}

}
