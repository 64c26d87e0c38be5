package dev.aisecurity.guard.injection;

import java.util.Arrays;

/**
 * Scores GCG-style adversarial suffixes: runs of tokens no writer produces, made by an
 * optimiser that glues word pieces, brackets and escapes together
 * ({@code Herezak({[HTMLsvg}, {@code ]{\|}{}, {@code carefullyvertOUR}).
 * <p>
 * Each whitespace-separated token gets a character-class profile: brackets and escapes
 * inside the word (not merely around it), case flipping from a lower-case run into a
 * capital run, punctuation soup. A window of consecutive tokens scores when several are
 * improbable and, unlike real prose, it has almost no function words ("the", "to",
 * "of"...). URLs and ordinary punctuation stay quiet; structured text (code, JSON) is
 * recognised by its shape and discounted. One pass, no allocation per token.
 */
final class AdversarialSuffixDetector {

	private static final int WINDOW = 12;

	/** What a suffix-like window in code or data counts for. */
	static final double STRUCTURED_FACTOR = 0.25;

	/** Short English function words, each packed into a long (5 bits a letter). */
	private static final long[] FUNCTION_WORDS = pack("a", "an", "the", "to", "of", "and", "in", "on", "for", "is",
			"are", "was", "were", "be", "with", "that", "this", "it", "as", "by", "or", "at", "from", "your", "you",
			"i", "we", "how", "what", "not", "can", "will", "do", "does", "my", "me", "their", "they", "he", "she",
			"his", "her", "have", "has", "if", "then", "about", "into", "which", "who", "all", "any", "so", "but",
			"there", "its", "our", "would", "could", "should", "when", "why", "them", "some", "more", "also", "than",
			"no", "one", "up", "out", "use", "make", "like", "just", "each", "other", "these", "those", "may", "been",
			"being", "very", "most", "such", "only", "over", "after", "before", "while", "where", "here");

	private static final int WHITESPACE = 1;

	private static final int STRANGE_CHAR = 2;

	private static final int LETTER = 4;

	private static final int UPPER_CASE = 8;

	private static final int DIGIT = 16;

	/**
	 * Classes of ASCII characters as the {@link Character} methods define them, one table
	 * look-up per character in the token loops.
	 */
	private static final byte[] ASCII_CLASS = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII_CLASS[c] = (byte) slowClass(c);
		}
	}

	private AdversarialSuffixDetector() {
	}

	private static int slowClass(char c) {
		return (Character.isWhitespace(c) ? WHITESPACE : 0) | (isStrange(c) ? STRANGE_CHAR : 0)
				| (Character.isLetter(c) ? LETTER : 0) | (Character.isUpperCase(c) ? UPPER_CASE : 0)
				| ((Character.isLetterOrDigit(c) && !Character.isLetter(c)) ? DIGIT : 0);
	}

	private static int charClass(char c) {
		return (c < 128) ? ASCII_CLASS[c] : slowClass(c);
	}

	private static boolean isWhitespace(char c) {
		return (charClass(c) & WHITESPACE) != 0;
	}

	private static boolean isLetterOrDigit(char c) {
		return (charClass(c) & (LETTER | DIGIT)) != 0;
	}

	private static long[] pack(String... words) {
		long[] packed = new long[words.length];
		for (int i = 0; i < words.length; i++) {
			packed[i] = pack(words[i], 0, words[i].length());
		}
		Arrays.sort(packed);
		return packed;
	}

	private static long pack(CharSequence text, int from, int to) {
		long key = 0;
		for (int k = from; k < to; k++) {
			char c = Character.toLowerCase(text.charAt(k));
			if (c < 'a' || c > 'z') {
				return -1;
			}
			key = (key << 5) | (c - 'a' + 1);
		}
		return key;
	}

	static double score(String text) {
		return ((SanitizedProfile.of(text) & SanitizedProfile.SUFFIX) != 0) ? scoreTokens(text) : 0;
	}

	/**
	 * The score of a text that passed the {@link SanitizedProfile} pre-check.
	 */
	static double scoreTokens(String text) {
		int length = text.length();
		boolean[] weirdRing = new boolean[WINDOW];
		boolean[] functionRing = new boolean[WINDOW];
		int[] strangeRing = new int[WINDOW];
		int tokens = 0;
		int weird = 0;
		int function = 0;
		int strange = 0;
		int best = 0;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (isWhitespace(c)) {
				i++;
				continue;
			}
			// one pass over the token gathers what the rules below ask of it
			int end = i;
			int strangeChars = 0;
			int letters = 0;
			int caseFlips = 0;
			int lowerRun = 0;
			// the core: from the first letter or digit to the last
			int coreFrom = -1;
			int lastLetter = -1;
			int strangeBeforeCore = 0;
			int strangeAfterCore = 0;
			while (end < length) {
				int kind = charClass(text.charAt(end));
				if ((kind & WHITESPACE) != 0) {
					break;
				}
				int strangeChar = (kind & STRANGE_CHAR) >> 1;
				strangeChars += strangeChar;
				if ((kind & LETTER) != 0) {
					letters++;
					lastLetter = end;
					if ((kind & UPPER_CASE) != 0) {
						// pieces glued by an optimiser: carefullyvertOUR
						caseFlips += (lowerRun >= 2) ? 1 : 0;
						lowerRun = 0;
					}
					else {
						lowerRun++;
					}
				}
				else {
					lowerRun = 0;
				}
				if ((kind & (LETTER | DIGIT)) != 0) {
					coreFrom = (coreFrom < 0) ? end : coreFrom;
					strangeAfterCore = 0;
				}
				else if (coreFrom < 0) {
					strangeBeforeCore += strangeChar;
				}
				else {
					strangeAfterCore += strangeChar;
				}
				end++;
			}
			boolean placeholder = isPlaceholder(text, i, end);
			// symbols are rare in prose: only a token that has some can be a notation
			boolean notation = strangeChars > 0 && isOrdinaryNotation(text, i, end);
			boolean isWeird = !notation && isImprobable(text, i, end, placeholder, strangeChars,
					(coreFrom < 0) ? -1 : strangeBeforeCore + strangeAfterCore, letters, caseFlips);
			boolean isFunction = isFunctionWord(text, i, lastLetter + 1) || isOption(text, i, end);
			if (placeholder || notation) {
				strangeChars = 0;
			}
			int slot = tokens % WINDOW;
			if (tokens >= WINDOW) {
				weird -= weirdRing[slot] ? 1 : 0;
				function -= functionRing[slot] ? 1 : 0;
				strange -= strangeRing[slot];
			}
			weirdRing[slot] = isWeird;
			functionRing[slot] = isFunction;
			strangeRing[slot] = Math.min(strangeChars, 4);
			weird += isWeird ? 1 : 0;
			function += isFunction ? 1 : 0;
			strange += strangeRing[slot];
			tokens++;
			// prose has function words and next to no brackets or escapes
			if (function <= 3) {
				int evidence = weird + strange / 3 - Math.max(0, function - 1);
				best = Math.max(best, evidence);
			}
			i = end;
		}
		if (best < 3) {
			return 0;
		}
		double score = 0.5 + 0.08 * (best - 3);
		if (looksStructured(text)) {
			// code is full of glued identifiers and brackets, as in sb.append(x.trim()):
			// pasted code alone never blocks, it can only add to other evidence
			score *= STRUCTURED_FACTOR;
		}
		return Math.min(0.95, score);
	}

	/**
	 * A template placeholder or bracketed word: {name}, [optional], (see), <tag>.
	 */
	private static boolean isPlaceholder(String text, int from, int to) {
		int end = to;
		while (end > from && (text.charAt(end - 1) == ',' || text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':'
				|| text.charAt(end - 1) == ';')) {
			end--;
		}
		if (end - from < 3) {
			return false;
		}
		char open = text.charAt(from);
		char close = text.charAt(end - 1);
		boolean pair = (open == '{' && close == '}') || (open == '[' && close == ']') || (open == '(' && close == ')')
				|| (open == '<' && close == '>');
		if (!pair) {
			return false;
		}
		for (int k = from + 1; k < end - 1; k++) {
			char c = text.charAt(k);
			if (!isLetterOrDigit(c) && c != '_' && c != '-' && c != '.' && c != ' ') {
				return false;
			}
		}
		return true;
	}

	/**
	 * A command-line option ({@code -v}, {@code --jobs[=N|auto]}, {@code [-e|-w]}): in a
	 * command synopsis options are what function words are in prose.
	 */
	static boolean isOption(String text, int from, int to) {
		int k = from;
		if (k < to && text.charAt(k) == '[') {
			k++;
		}
		if (k >= to || text.charAt(k) != '-') {
			return false;
		}
		k++;
		if (k < to && text.charAt(k) == '-') {
			k++;
		}
		return k < to && Character.isLetter(text.charAt(k));
	}

	/**
	 * Writing conventions that put brackets or symbols inside a word, which the rules
	 * below would otherwise read as an optimiser's glue: optional endings ("file(s)",
	 * "le(s)", "(re)start") and manual sections ("fork(2)"), e-mail addresses
	 * ("&lt;name@host.org&gt;"), variable references ("$(CC)", "${HOME}") and
	 * command-line options.
	 */
	static boolean isOrdinaryNotation(String text, int from, int to) {
		return isOption(text, from, to) || isVariableReference(text, from, to) || isEmailAddress(text, from, to)
				|| hasOptionalEndings(text, from, to);
	}

	/**
	 * A shell or make variable such as {@code $(CC)}, {@code ${HOME}} or
	 * {@code ($(ARCH),alpha)}: a dollar and a bracket before a name, and no symbol other
	 * than the dollar and round or curly brackets (an optimiser's {@code "${INST([ref}
	 * has more).
	 */
	private static boolean isVariableReference(String text, int from, int to) {
		boolean reference = false;
		for (int k = from; k < to; k++) {
			char c = text.charAt(k);
			if (c == '$' && k + 2 < to && (text.charAt(k + 1) == '(' || text.charAt(k + 1) == '{')) {
				char first = text.charAt(k + 2);
				reference |= Character.isLetter(first) || first == '_';
			}
			else if (isStrange(c) && c != '(' && c != ')' && c != '{' && c != '}') {
				return false;
			}
		}
		return reference;
	}

	private static boolean isEmailAddress(String text, int from, int to) {
		int start = from;
		int end = to;
		while (start < end && "<([\"'".indexOf(text.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && ">)]\"',.;:".indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		int at = -1;
		boolean dotAfterAt = false;
		for (int k = start; k < end; k++) {
			char c = text.charAt(k);
			if (c == '@') {
				if (at >= 0) {
					return false;
				}
				at = k;
			}
			else if (c == '.') {
				dotAfterAt |= at >= 0 && k > at + 1 && k < end - 1;
			}
			else if (!isLetterOrDigit(c) && c != '_' && c != '-' && c != '+') {
				return false;
			}
		}
		return at > start && dotAfterAt;
	}

	/**
	 * Every bracket of the token is in a group of one to eight letters in parentheses
	 * (or, after a name, a manual section: a digit and up to eight letters), and the
	 * token has letters outside them: "file(s)", "au(x)", "(re)start", "fork(2)",
	 * "perl(3pm)".
	 */
	private static boolean hasOptionalEndings(String text, int from, int to) {
		boolean outside = false;
		int k = from;
		while (k < to) {
			char c = text.charAt(k);
			if (c == '(') {
				int close = k + 1;
				// a manual section after a name: fork(2), sources.list(5), perl(3pm)
				boolean section = outside && close < to && text.charAt(close) >= '1' && text.charAt(close) <= '9';
				if (section) {
					close++;
				}
				while (close < to && close - k <= 9 && Character.isLetter(text.charAt(close))) {
					close++;
				}
				if (close >= to || text.charAt(close) != ')' || close == k + 1 || close - k > 9) {
					return false;
				}
				k = close + 1;
				continue;
			}
			if (isStrange(c)) {
				return false;
			}
			outside |= Character.isLetter(c);
			k++;
		}
		return outside;
	}

	/**
	 * @param end the end of the token's last letter (trailing punctuation does not count:
	 * "the," is still "the"), or at most {@code from} when it has none
	 */
	private static boolean isFunctionWord(String text, int from, int end) {
		if (end - from <= 0 || end - from > 6) {
			return false;
		}
		long key = pack(text, from, end);
		return key > 0 && Arrays.binarySearch(FUNCTION_WORDS, key) >= 0;
	}

	static boolean isStrange(char c) {
		return c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\'
				|| c == '|' || c == '`' || c == '$' || c == '^' || c == '~' || c == '=' || c == '@' || c == '*'
				|| c == '+';
	}

	/**
	 * Whether a token is one no writer produces.
	 * @param placeholder whether it is a bracketed placeholder
	 * @param strange its strange characters
	 * @param strangeOutside its strange characters before its first letter or digit and
	 * after its last (leading and trailing punctuation is how prose wraps words), or -1
	 * when it has no letter or digit
	 * @param letters its letters
	 * @param caseFlips its capitals right after two or more lower-case letters
	 */
	private static boolean isImprobable(String text, int from, int to, boolean placeholder, int strange,
			int strangeOutside, int letters, int caseFlips) {
		if (to - from < 2) {
			return false;
		}
		if (to - from > 4 && (regionStarts(text, from, to, "http") || regionStarts(text, from, to, "www."))) {
			return false;
		}
		if (strangeOutside < 0) {
			// punctuation soup such as ]{\|}{ ; dashes, dots, quotes are not
			return strange >= 3;
		}
		if (letters == 0) {
			return false;
		}
		int strangeInside = strange - strangeOutside;
		// brackets or escapes inside a word (githubrelative{[paper) or piled around it
		// ($\{fen); a bracketed placeholder such as {name} was excluded before
		if (strangeInside >= 2 || strange >= 3 || (strangeInside == 1 && strangeOutside >= 1)) {
			return !placeholder;
		}
		// pieces glued by an optimiser: carefullyvertOUR, argueitenJSON (not camelCase)
		// (camelCase counts too: identifiers are discounted with the rest of code)
		return caseFlips >= 1 && letters >= 6;
	}

	private static boolean regionStarts(String text, int from, int to, String prefix) {
		char first = text.charAt(from);
		// an ASCII first character settles most tokens without the case-blind comparison
		if (first < 128 && (first | 0x20) != prefix.charAt(0)) {
			return false;
		}
		return to - from >= prefix.length() && text.regionMatches(true, from, prefix, 0, prefix.length());
	}

	/**
	 * A line of code that needs no indentation or closing punctuation, as Python's top
	 * level: an assignment ({@code week = c.formatweek}), an import or a definition.
	 */
	private static boolean isCodeStatement(String text, int from, int to) {
		if (regionStarts(text, from, to, "import ") || regionStarts(text, from, to, "from ")
				|| regionStarts(text, from, to, "def ") || regionStarts(text, from, to, "class ")) {
			return true;
		}
		// an identifier, then " = ": the assignment of code, not the "=" of prose
		int k = from;
		while (k < to && (isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_' || text.charAt(k) == '.')) {
			k++;
		}
		while (k < to && text.charAt(k) == ' ') {
			k++;
		}
		return k > from && k + 1 < to && text.charAt(k) == '=' && text.charAt(k + 1) != '=';
	}

	/**
	 * Code and data (JSON, templates) have many lines, indentation, line-final
	 * punctuation, or open with a brace; an adversarial suffix is glued to a prose
	 * sentence.
	 */
	static boolean looksStructured(String text) {
		int first = 0;
		while (first < text.length() && isWhitespace(text.charAt(first))) {
			first++;
		}
		if (first < text.length() && (text.charAt(first) == '{' || text.charAt(first) == '[')) {
			return true;
		}
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
			int start = i;
			while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
				start++;
			}
			int last = end - 1;
			while (last > start && isWhitespace(text.charAt(last))) {
				last--;
			}
			if (last >= start) {
				char tail = text.charAt(last);
				if (start > i || tail == ';' || tail == '{' || tail == '}' || tail == ')' || tail == ','
						|| isCodeStatement(text, start, last + 1)) {
					codeLines++;
				}
			}
			i = end + 1;
		}
		return lines >= 3 && codeLines * 3 >= lines;
	}

}
