package dev.aisecurity.guard.injection;

import java.text.Normalizer;
import java.util.Arrays;

import dev.aisecurity.guard.text.AsciiBytes;

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

	/**
	 * Number of runs of {@value #SPELLED_RUN} or more one-letter words in a row: a word
	 * spelled out letter by letter ("i g n o r e", "i-g-n-o-r-e").
	 */
	final int spelledRuns;

	/** One-letter words in a row that make a spelled-out word. */
	static final int SPELLED_RUN = 4;

	private CanonicalText(char[] chars, int length, int[] tokenStarts, int tokens, int leetTokens, int spelledRuns) {
		this.chars = chars;
		this.length = length;
		this.tokenStarts = tokenStarts;
		this.tokens = tokens;
		this.leetTokens = leetTokens;
		this.spelledRuns = spelledRuns;
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
	 * pass is needed. The matcher sees exactly the tokens of {@link #text()}, in order,
	 * and reports the same matches in the same order as a scan of it.
	 * @param roles sees every character the rewriting looks at outside a word and the
	 * first character of each word (the only ones where a role marker can start), or
	 * {@code null}
	 */
	static CanonicalText match(String normalized, boolean readLeet, WordMatcher matcher, Hits hits,
			RoleMarkers.Scan roles) {
		return read(normalized, Integer.MAX_VALUE, readLeet, matcher, hits, roles);
	}

	private static CanonicalText read(String normalized, int maxChars, boolean readLeet, WordMatcher matcher, Hits hits,
			RoleMarkers.Scan roles) {
		int length = Math.min(normalized.length(), maxChars);
		char[] in = new char[length];
		normalized.getChars(0, length, in, 0);
		Writer out = new Writer(length, readLeet, matcher, hits);
		int i = 0;
		while (i < length) {
			char c = in[i];
			if (roles != null) {
				roles.visit(normalized, i, c);
			}
			int kind = kind(c);
			if (kind != WORD) {
				out.symbol(kind, c);
				i++;
				continue;
			}
			int tokenStart = out.beginWord();
			char[] chars = out.chars;
			int n = tokenStart;
			boolean letters = false;
			boolean digits = false;
			while (i < length) {
				char d = in[i];
				int dk = kind(d);
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
					if (n + 1 >= chars.length) {
						chars = out.room(n, 2);
					}
					chars[n++] = d;
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
			out.endWord(tokenStart, n, letters && digits, 0);
		}
		return out.result();
	}

	/**
	 * The same as {@link #match} on a plain ASCII text, whose normalised form is its
	 * lower case: words are found eight bytes at a time.
	 */
	static CanonicalText matchAscii(AsciiText text, boolean readLeet, WordMatcher matcher, Hits hits,
			RoleMarkers.Scan roles) {
		byte[] in = text.lower;
		int length = text.length();
		Writer out = new Writer(length, readLeet, matcher, hits);
		int i = 0;
		while (i < length) {
			int c = in[i];
			if (roles != null && roles.wants((char) c)) {
				roles.visit(text, i, (char) c);
			}
			int kind = ASCII_KIND[c];
			if (kind != WORD) {
				out.symbol(kind, (char) c);
				i++;
				continue;
			}
			int tokenStart = out.beginWord();
			char[] chars = out.chars;
			int n = tokenStart;
			long letters = 0;
			long digits = 0;
			// the word's characters when it fits in one read
			long key = -1;
			while (true) {
				long word = text.word(i);
				// high bit of each byte from 'a' to 'z', from '0' to '9' (all below 0x80)
				long letter = (word + ONES * (0x80 - 'a')) & ~(word + ONES * (0x80 - 'z' - 1)) & HIGH_BITS;
				long digit = (word + ONES * (0x80 - '0')) & ~(word + ONES * (0x80 - '9' - 1)) & HIGH_BITS;
				int count = Math.min(length - i, Long.numberOfTrailingZeros(~(letter | digit) & HIGH_BITS) >>> 3);
				long kept = (count == Long.BYTES) ? -1L : (1L << (Long.BYTES * count)) - 1;
				letters |= letter & kept;
				digits |= digit & kept;
				key = (key == -1 && count < Long.BYTES) ? word & kept : 0;
				if (n + 2 * Long.BYTES > chars.length) {
					chars = out.room(n, 2 * Long.BYTES);
				}
				// all eight: what lies past the word is overwritten by what follows
				for (int k = 0; k < Long.BYTES; k++) {
					chars[n + k] = (char) in[i + k];
				}
				n += count;
				i += count;
				if (count == Long.BYTES && i < length) {
					continue;
				}
				if (i + 1 < length && in[i] == '\'' && ASCII_KIND[in[i + 1]] == WORD) {
					// apostrophes inside words vanish: don't -> dont
					i++;
					continue;
				}
				break;
			}
			out.endWord(tokenStart, n, letters != 0 && digits != 0, key);
			// the space after a word, the usual separator, makes no token and starts no
			// role marker: step over it here rather than in a round of the outer loop
			// (the
			// text is padded, so in[length] is 0)
			if (in[i] == ' ') {
				i++;
			}
		}
		return out.result();
	}

	private static final long ONES = AsciiBytes.ONES;

	private static final long HIGH_BITS = AsciiBytes.HIGH_BITS;

	/**
	 * Writes the canonical text and runs the matcher over it as it is written.
	 */
	private static final class Writer {

		/**
		 * The canonical text so far, grown as needed: an input character yields at most
		 * two output characters (". "), but prose yields about one.
		 */
		char[] chars;

		private int length;

		private int[] starts;

		private int tokens;

		private int leetTokens;

		private int spelledRuns;

		/** One-letter words in a row so far. */
		private int oneLetterRun;

		private final boolean readLeet;

		private final WordMatcher matcher;

		private final Hits hits;

		/** The matcher's state. */
		private int state = WordMatcher.ROOT;

		private char last = ' ';

		Writer(int inputLength, boolean readLeet, WordMatcher matcher, Hits hits) {
			this.chars = new char[inputLength + (inputLength >> 3) + 2 * Long.BYTES + 2];
			this.starts = new int[Math.max(16, inputLength / 4)];
			this.readLeet = readLeet;
			this.matcher = matcher;
			this.hits = hits;
			this.chars[this.length++] = ' ';
		}

		/**
		 * Room for {@code extra} characters from {@code at} in {@link #chars}.
		 * @return the array to write to
		 */
		char[] room(int at, int extra) {
			if (at + extra > this.chars.length) {
				this.chars = Arrays.copyOf(this.chars,
						Math.max(at + extra, this.chars.length + (this.chars.length >> 1)));
			}
			return this.chars;
		}

		/**
		 * Start a word token.
		 * @return where its characters go in {@link #chars}
		 */
		int beginWord() {
			addToken();
			return this.length;
		}

		/**
		 * End the word token whose characters were written to {@code chars[tokenStart,
		 * end)}.
		 * @param leet whether it mixes letters and digits
		 * @param key its characters as bytes in a long, or 0 when they are not known so
		 */
		void endWord(int tokenStart, int end, boolean leet, long key) {
			char[] out = this.chars;
			if (end - tokenStart == 1 && !leet) {
				if (++this.oneLetterRun == SPELLED_RUN) {
					this.spelledRuns++;
				}
			}
			else {
				this.oneLetterRun = 0;
			}
			if (leet) {
				this.leetTokens++;
				if (this.readLeet) {
					for (int k = tokenStart; k < end; k++) {
						out[k] = leet(out[k]);
					}
				}
			}
			if (this.matcher != null) {
				this.state = this.matcher.next(this.state, out, tokenStart, end, (leet && this.readLeet) ? 0 : key,
						this.tokens, this.hits);
			}
			out[end] = ' ';
			this.length = end + 1;
			this.last = 'w';
		}

		/**
		 * A character outside words, which may make a token of its own.
		 */
		void symbol(int kind, char c) {
			char token = 0;
			if (kind == CJK) {
				token = c;
			}
			else if (kind == SENTENCE_END) {
				token = (this.last == BREAK) ? 0 : BREAK;
			}
			else if (kind == QUOTE_MARK) {
				token = QUOTE;
			}
			if (token != 0) {
				addToken();
				room(this.length, 2);
				this.chars[this.length++] = token;
				if (this.matcher != null) {
					this.state = this.matcher.next(this.state, this.chars, this.length - 1, this.length, this.tokens,
							this.hits);
				}
				this.chars[this.length++] = ' ';
				this.last = token;
			}
		}

		private void addToken() {
			if (this.tokens == this.starts.length) {
				this.starts = Arrays.copyOf(this.starts, this.tokens * 2);
			}
			this.starts[this.tokens++] = this.length;
		}

		CanonicalText result() {
			return new CanonicalText(this.chars, this.length, this.starts, this.tokens, this.leetTokens,
					this.spelledRuns);
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
