package dev.aisecurity.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * The quoted pieces of a text, in order: text between a pair of the same quotation mark,
 * where the opening mark does not follow a letter or digit and the closing one is not
 * followed by one, so that apostrophes inside words ("user's", "don't") neither open nor
 * close a piece. One pass, linear in the text's length.
 */
final class QuotedPieces {

	private QuotedPieces() {
	}

	static List<String> of(CharSequence text, int maxPieces) {
		List<String> pieces = new ArrayList<>();
		int open = -1;
		char mark = 0;
		for (int i = 0; i < text.length() && pieces.size() < maxPieces; i++) {
			char c = text.charAt(i);
			if (open < 0) {
				if (isMark(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
					open = i + 1;
					mark = closing(c);
				}
			}
			else if (c == mark && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
				pieces.add(text.subSequence(open, i).toString());
				open = -1;
			}
		}
		return pieces;
	}

	private static boolean isMark(char c) {
		return c == '\'' || c == '"' || c == '`' || c == '\u2018' || c == '\u201c';
	}

	private static char closing(char c) {
		return switch (c) {
			case '\u2018' -> '\u2019';
			case '\u201c' -> '\u201d';
			default -> c;
		};
	}

}
