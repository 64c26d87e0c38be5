package dev.aisecurity.guard.injection;

/**
 * Scores GCG-style adversarial suffixes: runs of tokens that no writer produces, made by
 * an optimiser that glues word pieces, brackets and escapes together ({@code ]{\|}{},
 * {@code Herezak({[HTMLsvg}, {@code carefullyvertOUR}). Each whitespace-separated token
 * gets a character-class profile (letter, digit, symbol runs, case switches inside a
 * word, bracket soup); a window of consecutive tokens where many are improbable scores
 * high. URLs, numbers and ordinary punctuation stay quiet; code is recognised by its line
 * structure and discounted.
 */
final class AdversarialSuffixDetector {

	private static final int WINDOW = 12;

	private AdversarialSuffixDetector() {
	}

	static double score(String text) {
		int length = text.length();
		boolean[] ring = new boolean[WINDOW];
		int tokens = 0;
		int weirdInWindow = 0;
		int maxWeird = 0;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			int end = i;
			while (end < length && !Character.isWhitespace(text.charAt(end))) {
				end++;
			}
			boolean weird = isImprobable(text, i, end);
			int slot = tokens % WINDOW;
			if (tokens >= WINDOW && ring[slot]) {
				weirdInWindow--;
			}
			ring[slot] = weird;
			if (weird) {
				weirdInWindow++;
			}
			tokens++;
			maxWeird = Math.max(maxWeird, weirdInWindow);
			i = end;
		}
		if (maxWeird < 4) {
			return 0;
		}
		double score = 0.45 + 0.07 * (maxWeird - 4);
		if (looksLikeCode(text)) {
			score *= 0.5;
		}
		return Math.min(0.95, score);
	}

	static boolean isImprobable(String text, int from, int to) {
		int length = to - from;
		if (length < 2) {
			return false;
		}
		if (length > 4 && (regionStarts(text, from, to, "http") || regionStarts(text, from, to, "www."))) {
			return false;
		}
		int letters = 0;
		int symbols = 0;
		int brackets = 0;
		int classSwitches = 0;
		int caseSwitches = 0;
		int lowerRun = 0;
		int previousClass = -1;
		for (int k = from; k < to; k++) {
			char c = text.charAt(k);
			int cls;
			if (Character.isLetter(c)) {
				cls = 0;
				letters++;
				if (Character.isUpperCase(c) && lowerRun >= 2) {
					caseSwitches++;
				}
				lowerRun = Character.isLowerCase(c) ? lowerRun + 1 : 0;
			}
			else if (Character.isDigit(c)) {
				cls = 1;
				lowerRun = 0;
			}
			else {
				cls = 2;
				symbols++;
				lowerRun = 0;
				if (c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' || c == '>'
						|| c == '\\' || c == '|' || c == '`' || c == '$' || c == '^' || c == '~') {
					brackets++;
				}
			}
			if (previousClass >= 0 && cls != previousClass) {
				classSwitches++;
			}
			previousClass = cls;
		}
		if (letters == 0) {
			// punctuation soup such as ]{\|}{ ; plain dashes or dots are not
			return brackets >= 3;
		}
		if (brackets >= 2 && classSwitches >= 3) {
			return true;
		}
		if (symbols >= 3 && classSwitches >= 4) {
			return true;
		}
		// a lower-case word running into capitals: two pieces glued by an optimiser
		return caseSwitches >= 1 && letters >= 7 && symbols <= 1 && !isCamelIdentifier(text, from, to);
	}

	private static boolean isCamelIdentifier(String text, int from, int to) {
		// getElementById, iPhone: camelCase parts are capitalised words, not runs of
		// capitals
		int upperRun = 0;
		int maxUpperRun = 0;
		for (int k = from; k < to; k++) {
			char c = text.charAt(k);
			upperRun = Character.isUpperCase(c) ? upperRun + 1 : 0;
			maxUpperRun = Math.max(maxUpperRun, upperRun);
		}
		return maxUpperRun <= 1;
	}

	private static boolean regionStarts(String text, int from, int to, String prefix) {
		return to - from >= prefix.length() && text.regionMatches(true, from, prefix, 0, prefix.length());
	}

	/**
	 * Source code has many lines, indentation and line-final punctuation; an adversarial
	 * suffix is glued to a prose sentence.
	 */
	static boolean looksLikeCode(String text) {
		int lines = 0;
		int codeLines = 0;
		int length = text.length();
		int i = 0;
		while (i < length) {
			int end = text.indexOf('\n', i);
			if (end < 0) {
				end = length;
			}
			lines++;
			int first = i;
			while (first < end && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
				first++;
			}
			int last = end - 1;
			while (last > first && Character.isWhitespace(text.charAt(last))) {
				last--;
			}
			if (last >= first) {
				char tail = text.charAt(last);
				if (first > i || tail == ';' || tail == '{' || tail == '}' || tail == ')' || tail == ':') {
					codeLines++;
				}
			}
			i = end + 1;
		}
		return lines >= 3 && codeLines * 3 >= lines;
	}

}
