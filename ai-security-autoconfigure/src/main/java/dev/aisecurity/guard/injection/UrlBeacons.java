package dev.aisecurity.guard.injection;

import java.util.Locale;

/**
 * URLs built to carry the conversation out: a query that holds a placeholder for the
 * model to fill with what it knows ("https://host/p?d={all previous messages}",
 * "?q=&lt;the API key&gt;"), and markdown images whose query names such data. A model
 * that writes such a URL into its answer, and a client that renders the image, send that
 * data to the host without a click. One pass over the text, at most {@value #MAX_URLS}
 * URLs of at most {@value #MAX_URL} characters each.
 */
final class UrlBeacons {

	/** A placeholder for the conversation or a secret in a URL's query: blocks. */
	static final double PLACEHOLDER = 0.6;

	/** A markdown image whose query names such data: blocks. */
	static final double IMAGE_WITH_DATA = 0.55;

	private static final int MAX_URL = 2048;

	/** Most URLs read in one text: a bound on the work an adversarial text can ask. */
	private static final int MAX_URLS = 256;

	/** Longest placeholder read, in characters. */
	private static final int MAX_PLACEHOLDER = 300;

	/**
	 * Words for what a beacon carries: the conversation, its messages, the setup, secrets
	 * and personal details. Matched inside a placeholder or a query, lower case.
	 */
	private static final String[] DATA = { "conversation", "chat", "history", "message", "prompt", "instruction",
			"secret", "password", "passwd", "token", "apikey", "api_key", "api key", "api-key", "credential", "cookie",
			"session", "e-mail", "email", "phone", "address", "memory", "context", ".env", "env" };

	private UrlBeacons() {
	}

	static double score(CharSequence text) {
		int length = text.length();
		double best = 0;
		int urls = 0;
		int i = 0;
		while (i + 8 < length && urls < MAX_URLS) {
			int start = urlAt(text, i);
			if (start < 0) {
				i++;
				continue;
			}
			urls++;
			boolean image = image(text, i);
			int end = Math.min(length, start + MAX_URL);
			int query = -1;
			int j = start;
			while (j < end) {
				char c = text.charAt(j);
				if (c == '?' && query < 0) {
					query = j;
				}
				else if (query >= 0 && (c == '{' || c == '<' || c == '[')) {
					int close = close(text, j, c);
					if (close > 0 && names(text, j + 1, close)) {
						return PLACEHOLDER;
					}
					j = (close > 0) ? close : j;
				}
				else if (Character.isWhitespace(c) || c == ')' || c == '"' || c == '\'') {
					break;
				}
				j++;
			}
			if (image && query >= 0 && names(text, query + 1, j)) {
				best = Math.max(best, IMAGE_WITH_DATA);
			}
			i = Math.max(j, i + 1);
		}
		return best;
	}

	/** Where the URL starting at {@code i} begins ("http://", "https://"), or -1. */
	private static int urlAt(CharSequence text, int i) {
		if ((text.charAt(i) | 0x20) != 'h' || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
			return -1;
		}
		if (at(text, i, "https://")) {
			return i + 8;
		}
		return at(text, i, "http://") ? i + 7 : -1;
	}

	/**
	 * Whether {@code text} holds the lower-case ASCII {@code word} at {@code i}, in any
	 * case.
	 */
	private static boolean at(CharSequence text, int i, String word) {
		if (i + word.length() > text.length()) {
			return false;
		}
		for (int k = 0; k < word.length(); k++) {
			char c = text.charAt(i + k);
			if (c != word.charAt(k) && (c | 0x20) != word.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/** Whether the URL at {@code i} is the target of a markdown image: "![alt](". */
	private static boolean image(CharSequence text, int i) {
		int k = i - 1;
		while (k >= 0 && text.charAt(k) == ' ') {
			k--;
		}
		if (k < 1 || text.charAt(k) != '(' || text.charAt(k - 1) != ']') {
			return false;
		}
		for (int b = k - 2; b >= Math.max(0, k - 2 - MAX_PLACEHOLDER); b--) {
			char c = text.charAt(b);
			if (c == '[') {
				return b > 0 && text.charAt(b - 1) == '!';
			}
			if (c == ']' || c == '\n') {
				return false;
			}
		}
		return false;
	}

	/** The index of the bracket that closes the one at {@code open}, or -1. */
	private static int close(CharSequence text, int open, char bracket) {
		char closing = (bracket == '{') ? '}' : (bracket == '<') ? '>' : ']';
		for (int k = open + 1; k < Math.min(text.length(), open + MAX_PLACEHOLDER); k++) {
			char c = text.charAt(k);
			if (c == closing) {
				return k;
			}
			if (c == '\n') {
				return -1;
			}
		}
		return -1;
	}

	/** Whether {@code text[from, to)} names data a beacon carries. */
	private static boolean names(CharSequence text, int from, int to) {
		if (to <= from) {
			return false;
		}
		String part = text.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
		for (String word : DATA) {
			int at = part.indexOf(word);
			while (at >= 0) {
				boolean startsWord = at == 0 || !Character.isLetter(part.charAt(at - 1));
				if (startsWord) {
					return true;
				}
				at = part.indexOf(word, at + 1);
			}
		}
		return false;
	}

}
