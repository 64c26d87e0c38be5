package dev.aisecurity.guard.injection;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A normalised text rewritten as a sequence of word tokens for phrase matching: words of
 * letters and digits joined by single spaces, accents stripped, leetspeak digits inside
 * words read as letters ({@code 1gn0r3} as {@code ignore}), each CJK character a token of
 * its own, sentence ends as a {@code .} token and quotation marks as a {@code "} token.
 * Built in one linear pass; phrase patterns go through the same rewriting, so a pattern
 * matches whatever spacing, punctuation or obfuscation separated its words in the input.
 */
final class CanonicalText {

	/** Sentence break token. */
	static final char BREAK = '.';

	/** Quotation mark token. */
	static final char QUOTE = '"';

	private static final char[] ACCENT_FOLD = new char[0x250];

	static {
		for (char c = 0xC0; c < ACCENT_FOLD.length; c++) {
			String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			char base = decomposed.charAt(0);
			ACCENT_FOLD[c] = (base < 0x80 && Character.isLetter(base)) ? Character.toLowerCase(base) : 0;
		}
		ACCENT_FOLD[0xDF] = 's'; // sharp s, close enough for matching
	}

	/** The canonical text, starting and ending with a space: {@code chars[0, length)}. */
	final char[] chars;

	/** Length of the canonical text. */
	final int length;

	/** Start offset in {@link #text} of each token. */
	final int[] tokenStarts;

	/** Number of tokens. */
	final int tokens;

	/** Number of word tokens whose digits were read as letters. */
	final int leetTokens;

	private CanonicalText(char[] chars, int length, int[] tokenStarts, int tokens, int leetTokens) {
		this.chars = chars;
		this.length = length;
		this.tokenStarts = tokenStarts;
		this.tokens = tokens;
		this.leetTokens = leetTokens;
	}

	/**
	 * The canonical text as a string.
	 */
	String text() {
		return new String(this.chars, 0, this.length);
	}

	static boolean isCjk(char c) {
		return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
				|| (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
	}

	private static boolean isSentenceEnd(char c) {
		return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\u3002' || c == '\uff01'
				|| c == '\uff1f' || c == '\uff1b';
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\u201c' || c == '\u201d' || c == '\u00ab' || c == '\u00bb' || c == '\u201e'
				|| c == '\u300c' || c == '\u300d' || c == '`';
	}

	private static char leet(char c) {
		return switch (c) {
			case '0' -> 'o';
			case '1' -> 'i';
			case '3' -> 'e';
			case '4' -> 'a';
			case '5' -> 's';
			case '7' -> 't';
			case '8' -> 'b';
			case '9' -> 'g';
			default -> c;
		};
	}

	/**
	 * Rewrite a normalised (lower-case) text. At most {@code maxChars} characters are
	 * read.
	 */
	static CanonicalText of(String normalized, int maxChars) {
		return of(normalized, maxChars, true);
	}

	/**
	 * Rewrite a normalised text, reading digits inside words as letters or not.
	 */
	static CanonicalText of(String normalized, int maxChars, boolean readLeet) {
		return read(normalized, maxChars, readLeet, null, null, null);
	}

	/**
	 * Rewrite a whole normalised text and run a matcher over the rewritten text as it is
	 * produced, so that every match is reported with its token position and no second
	 * pass is needed. The matcher sees exactly the characters of {@link #text()}, in
	 * order, and reports the same matches in the same order as a scan of it; the rest of
	 * a word is skipped once the automaton is back at its root, where no pattern can
	 * continue before the next space (every pattern starts with one).
	 * @param roles sees every character the rewriting looks at outside a word and the
	 * first character of each word (the only ones where a role marker can start), or
	 * {@code null}
	 */
	static CanonicalText match(String normalized, boolean readLeet, LiteralMatcher matcher, Hits hits,
			RoleMarkers.Scan roles) {
		return read(normalized, Integer.MAX_VALUE, readLeet, matcher, hits, roles);
	}

	private static CanonicalText read(String normalized, int maxChars, boolean readLeet, LiteralMatcher matcher,
			Hits hits, RoleMarkers.Scan roles) {
		int length = Math.min(normalized.length(), maxChars);
		char[] in = new char[length];
		normalized.getChars(0, length, in, 0);
		// every input character yields at most two output characters (". ")
		char[] out = new char[2 * length + 2];
		int n = 0;
		int[] starts = new int[Math.max(16, length / 4)];
		int tokens = 0;
		int leetTokens = 0;
		out[n++] = ' ';
		int node = (matcher != null) ? matcher.next(LiteralMatcher.ROOT, ' ') : LiteralMatcher.ROOT;
		int i = 0;
		char last = ' ';
		while (i < length) {
			char c = in[i];
			if (roles != null) {
				roles.visit(in, length, i, c);
			}
			int kind = (c < 128) ? ASCII_KIND[c] : slowKind(c);
			if (kind == WORD) {
				if (tokens == starts.length) {
					starts = Arrays.copyOf(starts, tokens * 2);
				}
				int tokenStart = n;
				starts[tokens++] = n;
				boolean letters = false;
				boolean digits = false;
				while (i < length) {
					char d = in[i];
					int dk = (d < 128) ? ASCII_KIND[d] : slowKind(d);
					if (dk == WORD) {
						if (d <= '9' && d >= '0') {
							digits = true;
						}
						else {
							letters = true;
							if (d >= 0xC0 && d < ACCENT_FOLD.length && ACCENT_FOLD[d] != 0) {
								d = ACCENT_FOLD[d];
							}
						}
						out[n++] = d;
						i++;
					}
					else if (dk == APOSTROPHE && i + 1 < length && kind(in[i + 1]) == WORD) {
						// apostrophes inside words vanish: don't -> dont
						i++;
					}
					else {
						break;
					}
				}
				if (letters && digits) {
					leetTokens++;
					if (readLeet) {
						for (int k = tokenStart; k < n; k++) {
							out[k] = leet(out[k]);
						}
					}
				}
				if (matcher != null) {
					for (int k = tokenStart; k < n; k++) {
						node = matcher.next(node, out[k]);
						if (node == LiteralMatcher.ROOT) {
							break;
						}
						report(matcher, node, hits, tokens);
					}
					node = matcher.next(node, ' ');
					report(matcher, node, hits, tokens);
				}
				out[n++] = ' ';
				last = 'w';
				continue;
			}
			char token = 0;
			if (kind == CJK) {
				token = c;
			}
			else if (kind == SENTENCE_END) {
				token = (last == BREAK) ? 0 : BREAK;
			}
			else if (kind == QUOTE_MARK) {
				token = QUOTE;
			}
			if (token != 0) {
				if (tokens == starts.length) {
					starts = Arrays.copyOf(starts, tokens * 2);
				}
				starts[tokens++] = n;
				out[n++] = token;
				out[n++] = ' ';
				last = token;
				if (matcher != null) {
					node = matcher.next(node, token);
					report(matcher, node, hits, tokens);
					node = matcher.next(node, ' ');
					report(matcher, node, hits, tokens);
				}
			}
			i++;
		}
		return new CanonicalText(out, n, starts, tokens, leetTokens);
	}

	private static void report(LiteralMatcher matcher, int node, Hits hits, int endToken) {
		int[] found = matcher.outputs(node);
		if (found != null) {
			for (int pattern : found) {
				hits.onMatch(pattern, endToken);
			}
		}
	}

	/**
	 * Receives the matches of {@link #match}.
	 */
	interface Hits {

		/**
		 * @param pattern index of the pattern in the matcher
		 * @param endToken index of the token after the last one the match covers; the
		 * match covers as many tokens as the pattern has words, stems included
		 */
		void onMatch(int pattern, int endToken);

	}

	private static final int OTHER = 0;

	private static final int WORD = 1;

	private static final int CJK = 2;

	private static final int SENTENCE_END = 3;

	private static final int QUOTE_MARK = 4;

	private static final int APOSTROPHE = 5;

	private static final byte[] ASCII_KIND = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII_KIND[c] = (byte) slowKind(c);
		}
	}

	private static int kind(char c) {
		return (c < 128) ? ASCII_KIND[c] : slowKind(c);
	}

	private static int slowKind(char c) {
		if (c == '\'' || c == '\u2019') {
			return APOSTROPHE;
		}
		if (isCjk(c)) {
			return CJK;
		}
		if (isWordChar(c)) {
			return WORD;
		}
		if (isSentenceEnd(c)) {
			return SENTENCE_END;
		}
		if (isQuote(c)) {
			return QUOTE_MARK;
		}
		return OTHER;
	}

	private static boolean isWordChar(char c) {
		if (c < 0x80) {
			return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
		}
		return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
	}

}
