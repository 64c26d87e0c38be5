package dev.aisecurity.guard.pii;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A text prepared once for all recognisers: the text and an index of its tokens, maximal
 * runs of letters and digits. Recognisers assemble candidates from consecutive tokens, so
 * the whole analysis stays linear in the text length.
 * <p>
 * The full token index is built only when asked for. The built-in recognisers look at far
 * less: the ASCII digits (found with {@link String#indexOf(int, int)}, which the JVM
 * vectorises) and <em>windows</em>, views that hold only the tokens near an anchor token
 * (one with a digit, or one joined to the next by a separator) with the same order and
 * spans as in the full index. Token indices of a view are its own.
 */
public final class PiiText {

	/**
	 * Tokens kept on each side of an anchor token in a window view: a recogniser joining
	 * at most {@code WINDOW_RADIUS + 1} tokens sees in a view every candidate it would
	 * see in the full index.
	 */
	static final int WINDOW_RADIUS = 8;

	private static final byte DIGITS_ONLY = 1;

	private static final byte HAS_DIGIT = 2;

	private static final byte ASCII = 4;

	private static final byte CAPITAL_START = 8;

	/** ASCII character classes: 0 other, 1 digit, 2 letter. */
	private static final byte[] ASCII_CLASS = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII_CLASS[c] = (byte) (isDigit(c) ? 1 : isAsciiLetter(c) ? 2 : 0);
		}
	}

	private final String text;

	/**
	 * Whether the shortcuts are off: every view is the full index and every position may
	 * hold a digit. The reference behaviour the shortcuts must reproduce.
	 */
	private final boolean exhaustive;

	private Tokens tokens;

	private long[] digitBits;

	/** Full stops followed by a letter or digit, the few of them inside words. */
	private long[] innerDots;

	private PiiText digitWindows;

	private Map<String, PiiText> joinedWindows;

	private PiiText(String text, boolean exhaustive, Tokens tokens) {
		this.text = text;
		this.exhaustive = exhaustive;
		this.tokens = tokens;
	}

	/**
	 * Index a text.
	 */
	public static PiiText of(String text) {
		return new PiiText((text != null) ? text : "", false, null);
	}

	/**
	 * A text whose shortcuts are off, for comparing them with the general path.
	 */
	static PiiText exhaustive(String text) {
		return new PiiText((text != null) ? text : "", true, null);
	}

	static boolean isWordChar(char c) {
		if (c < 128) {
			return ASCII_CLASS[c] != 0;
		}
		return Character.isLetterOrDigit(c);
	}

	static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** How far {@link #gluedToIdentifier} reads a neighbouring word. */
	private static final int IDENTIFIER_WORD_LIMIT = 64;

	/**
	 * Whether the value from {@code start} to {@code end} is glued by a hyphen to a word
	 * with a digit on either side, as the groups of a UUID, a trace or an order id are: a
	 * run of digits inside such an identifier is not a number of its own. A word without
	 * digits ({@code ssn-536-22-1234}) is a label, not an identifier.
	 */
	static boolean gluedToIdentifier(String s, int start, int end) {
		return (start >= 2 && s.charAt(start - 1) == '-' && wordWithDigit(s, start - 2, -1))
				|| (end + 1 < s.length() && s.charAt(end) == '-' && wordWithDigit(s, end + 1, 1));
	}

	/**
	 * Whether the word at {@code from}, read in direction {@code step} (1 or -1) for at
	 * most 64 characters, has a digit.
	 */
	static boolean wordWithDigit(String s, int from, int step) {
		for (int i = from, read = 0; i >= 0 && i < s.length() && read < IDENTIFIER_WORD_LIMIT; i += step, read++) {
			char c = s.charAt(i);
			if (!isWordChar(c)) {
				return false;
			}
			if (isDigit(c)) {
				return true;
			}
		}
		return false;
	}

	public String text() {
		return this.text;
	}

	public int length() {
		return this.text.length();
	}

	public char charAt(int index) {
		return this.text.charAt(index);
	}

	boolean isExhaustive() {
		return this.exhaustive;
	}

	private Tokens tokens() {
		if (this.tokens == null) {
			this.tokens = Tokens.all(this.text);
		}
		return this.tokens;
	}

	/**
	 * Number of tokens.
	 */
	public int tokenCount() {
		return tokens().count;
	}

	public int tokenStart(int token) {
		return tokens().starts[token];
	}

	public int tokenEnd(int token) {
		return tokens().ends[token];
	}

	public int tokenLength(int token) {
		Tokens t = tokens();
		return t.ends[token] - t.starts[token];
	}

	/**
	 * Whether the token consists of ASCII digits only.
	 */
	public boolean tokenIsDigits(int token) {
		return (tokens().flags[token] & DIGITS_ONLY) != 0;
	}

	/**
	 * Whether the token contains at least one ASCII digit.
	 */
	public boolean tokenHasDigit(int token) {
		return (tokens().flags[token] & HAS_DIGIT) != 0;
	}

	/**
	 * Whether the token consists of ASCII letters and digits only.
	 */
	public boolean tokenIsAscii(int token) {
		return (tokens().flags[token] & ASCII) != 0;
	}

	/** Separators any digit-only recogniser may join tokens with (a superset). */
	static final String DIGIT_SEPARATORS = " -./:+";

	/**
	 * An upper bound on the digits a digit-only candidate starting at {@code token} can
	 * have: the digit-only tokens from there on joined by single separator characters. A
	 * recogniser needing more digits can skip the token without building anything.
	 */
	public int digitRunLength(int token) {
		Tokens t = tokens();
		if (t.digitRun == null) {
			t.digitRun = runs(t, DIGITS_ONLY, DIGIT_SEPARATORS);
		}
		return t.digitRun[token];
	}

	/**
	 * For each token with {@code flag}, the total length of the tokens with that flag
	 * joined to it and to each other by single {@code separators}, from it on.
	 */
	private int[] runs(Tokens t, byte flag, String separators) {
		int[] run = new int[t.count + 1];
		for (int k = t.count - 1; k >= 0; k--) {
			if ((t.flags[k] & flag) == 0) {
				continue;
			}
			int length = t.ends[k] - t.starts[k];
			int gap = t.ends[k];
			if (k + 1 < t.count && t.starts[k + 1] == gap + 1 && separators.indexOf(this.text.charAt(gap)) >= 0) {
				length += run[k + 1];
			}
			run[k] = length;
		}
		return run;
	}

	/** Separators any built-in recogniser of ASCII tokens may join tokens with. */
	static final String ASCII_SEPARATORS = DIGIT_SEPARATORS;

	/**
	 * Like {@link #digitRunLength(int)} for ASCII tokens joined by
	 * {@link #ASCII_SEPARATORS}: an upper bound on the length of a candidate of ASCII
	 * tokens starting at {@code token}.
	 */
	int asciiRunLength(int token) {
		Tokens t = tokens();
		if (t.asciiRun == null) {
			t.asciiRun = runs(t, ASCII, ASCII_SEPARATORS);
		}
		return t.asciiRun[token];
	}

	/**
	 * The largest {@link #digitRunLength(int)} of any token: a digit-only recogniser
	 * needing more digits has nothing to look at.
	 */
	int maxDigitRun() {
		Tokens t = tokens();
		if (t.digitRun == null) {
			digitRunLength(0);
		}
		if (t.maxDigitRun < 0) {
			int max = 0;
			for (int k = 0; k < t.count; k++) {
				max = Math.max(max, t.digitRun[k]);
			}
			t.maxDigitRun = max;
		}
		return t.maxDigitRun;
	}

	/**
	 * The tokens made of digits only, in text order.
	 */
	int[] digitOnlyTokens() {
		Tokens t = tokens();
		if (t.digitOnly == null) {
			t.digitOnly = t.withFlag(DIGITS_ONLY);
		}
		return t.digitOnly;
	}

	/**
	 * The tokens that contain a digit, in text order.
	 */
	int[] tokensWithDigit() {
		Tokens t = tokens();
		if (t.withDigit == null) {
			t.withDigit = t.withFlag(HAS_DIGIT);
		}
		return t.withDigit;
	}

	/**
	 * The tokens that contain a digit or start with an ASCII capital letter, in text
	 * order: the possible starts of layouts led by a letter code or by digits.
	 */
	int[] tokensWithDigitOrCapital() {
		Tokens t = tokens();
		if (t.withDigitOrCapital == null) {
			t.withDigitOrCapital = t.withFlag((byte) (HAS_DIGIT | CAPITAL_START));
		}
		return t.withDigitOrCapital;
	}

	/**
	 * Whether the token contains a digit or starts with an ASCII capital letter.
	 */
	boolean tokenHasDigitOrCapital(int token) {
		return (tokens().flags[token] & (HAS_DIGIT | CAPITAL_START)) != 0;
	}

	/**
	 * The first token at or after {@code token} that contains a digit, or
	 * {@link #tokenCount()} when there is none.
	 */
	public int nextTokenWithDigit(int token) {
		Tokens t = tokens();
		if (t.nextDigitToken == null) {
			int[] next = new int[t.count + 1];
			next[t.count] = t.count;
			for (int k = t.count - 1; k >= 0; k--) {
				next[k] = ((t.flags[k] & HAS_DIGIT) != 0) ? k : next[k + 1];
			}
			t.nextDigitToken = next;
		}
		return t.nextDigitToken[Math.min(token, t.count)];
	}

	/**
	 * The first token at or after {@code token} that is followed, after exactly one
	 * character other than white space or a control character, by another token;
	 * {@link #tokenCount()} when there is none.
	 */
	public int nextJoinedToken(int token) {
		Tokens t = tokens();
		if (t.nextJoined == null) {
			int[] next = new int[t.count + 1];
			next[t.count] = t.count;
			for (int k = t.count - 1; k >= 0; k--) {
				boolean joined = k + 1 < t.count && t.starts[k + 1] == t.ends[k] + 1
						&& this.text.charAt(t.ends[k]) > ' ';
				next[k] = joined ? k : next[k + 1];
			}
			t.nextJoined = next;
		}
		return t.nextJoined[Math.min(token, t.count)];
	}

	/**
	 * The index of the first token that starts at or after {@code index}.
	 */
	public int tokenAtOrAfter(int index) {
		Tokens t = tokens();
		int lo = 0;
		int hi = t.count;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (t.starts[mid] < index) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/**
	 * The first position at or after {@code from} that may hold an ASCII digit (exactly
	 * the next digit, unless the shortcuts are off), or -1 when no digit follows.
	 */
	int nextDigit(int from) {
		int n = this.text.length();
		if (from >= n) {
			return -1;
		}
		if (this.exhaustive) {
			return from;
		}
		return nextBit(digitBits(), from, n);
	}

	/**
	 * The first position at or after {@code from} holding {@code c} right after an ASCII
	 * digit, or -1; found from the digits (see {@link #nextDigit(int)}).
	 */
	int nextAfterDigit(char c, int from) {
		int n = this.text.length();
		for (int p = nextDigit(Math.max(from - 1, 0)); p >= 0 && p + 1 < n; p = nextDigit(p + 1)) {
			if (p + 1 >= from && this.text.charAt(p + 1) == c && isDigit(this.text.charAt(p))) {
				return p + 1;
			}
		}
		return -1;
	}

	/**
	 * The first full stop at or after {@code from} followed by a letter or digit, or -1.
	 * Prose has a full stop every sentence, followed by white space: the search for those
	 * inside words (host names, versions, code), shared by the URL and MAC address
	 * recognisers, is done once.
	 */
	int nextInnerDot(int from) {
		if (this.innerDots == null) {
			String s = this.text;
			int n = s.length();
			long[] bits = new long[(n + 63) >>> 6];
			for (int p = s.indexOf('.'); p >= 0 && p + 1 < n; p = s.indexOf('.', p + 1)) {
				if (isWordChar(s.charAt(p + 1))) {
					bits[p >>> 6] |= 1L << p;
				}
			}
			this.innerDots = bits;
		}
		return nextBit(this.innerDots, from, this.text.length());
	}

	private long[] digitBits() {
		if (this.digitBits == null) {
			long[] bits = new long[(this.text.length() + 63) >>> 6];
			for (char d = '0'; d <= '9'; d++) {
				for (int p = this.text.indexOf(d); p >= 0; p = this.text.indexOf(d, p + 1)) {
					bits[p >>> 6] |= 1L << p;
				}
			}
			this.digitBits = bits;
		}
		return this.digitBits;
	}

	private static int nextBit(long[] bits, int from, int n) {
		if (from >= n) {
			return -1;
		}
		int word = from >>> 6;
		long w = bits[word] & (-1L << from);
		while (w == 0) {
			if (++word == bits.length) {
				return -1;
			}
			w = bits[word];
		}
		return (word << 6) + Long.numberOfTrailingZeros(w);
	}

	/**
	 * A view holding the tokens within {@link #WINDOW_RADIUS} tokens of a token that
	 * contains an ASCII digit: every candidate whose longest join contains a digit.
	 */
	PiiText digitWindows() {
		if (this.exhaustive || this.tokens != null) {
			return this;
		}
		if (this.digitWindows == null) {
			this.digitWindows = new PiiText(this.text, false, Tokens.windows(this.text, digitBits(), WINDOW_RADIUS));
		}
		return this.digitWindows;
	}

	/**
	 * A view holding each token followed by {@code joins} consecutive joins (one of
	 * {@code separators} and directly another token) and the {@link #WINDOW_RADIUS}
	 * tokens after it: every candidate that joins more than {@code joins} tokens with
	 * those separators, from its first token on.
	 */
	PiiText joinedWindows(String separators, int joins) {
		if (this.exhaustive || this.tokens != null) {
			return this;
		}
		if (this.joinedWindows == null) {
			this.joinedWindows = new HashMap<>();
		}
		return this.joinedWindows.computeIfAbsent(joins + separators,
				(key) -> new PiiText(this.text, false, Tokens.windows(this.text, joinBits(separators, joins), 0)));
	}

	/**
	 * Positions of the separators that end a token and are directly followed by another
	 * token, itself followed the same way {@code joins - 1} times.
	 */
	private long[] joinBits(String separators, int joins) {
		String s = this.text;
		int n = s.length();
		long[] bits = new long[(n + 63) >>> 6];
		for (int k = 0; k < separators.length(); k++) {
			char separator = separators.charAt(k);
			if (isWordChar(separator)) {
				continue; // tokens are maximal: never followed by a letter or digit
			}
			// each position followed by a letter or digit: full stops from their bitmap
			boolean dot = separator == '.';
			for (int p = dot ? nextInnerDot(1) : s.indexOf(separator, 1); p >= 0
					&& p + 1 < n; p = dot ? nextInnerDot(p + 1) : s.indexOf(separator, p + 1)) {
				if (isWordChar(s.charAt(p - 1)) && isWordChar(s.charAt(p + 1))) {
					bits[p >>> 6] |= 1L << p;
				}
			}
		}
		for (int chain = 1; chain < joins; chain++) {
			// keep a join only when the token after it is followed by a join too (left
			// to right: the bit tested lies further right, still from the last round)
			for (int p = nextBit(bits, 0, n); p >= 0; p = nextBit(bits, p + 1, n)) {
				int end = Tokens.tokenEnd(s, p + 1);
				if (end >= n || !Tokens.testBit(bits, end)) {
					bits[p >>> 6] &= ~(1L << p);
				}
			}
		}
		return bits;
	}

	/**
	 * Token spans and flags, with the lookup tables built from them on demand.
	 */
	private static final class Tokens {

		int[] starts;

		int[] ends;

		byte[] flags;

		int count;

		int[] nextDigitToken;

		int[] digitOnly;

		int[] withDigit;

		int[] withDigitOrCapital;

		int[] digitRun;

		int[] nextJoined;

		int[] asciiRun;

		int maxDigitRun = -1;

		Tokens(int capacity) {
			this.starts = new int[capacity];
			this.ends = new int[capacity];
			this.flags = new byte[capacity];
		}

		/**
		 * The indexes of the tokens with a flag, in order.
		 */
		int[] withFlag(byte flag) {
			int found = 0;
			for (int k = 0; k < this.count; k++) {
				found += ((this.flags[k] & flag) != 0) ? 1 : 0;
			}
			int[] list = new int[found];
			int next = 0;
			for (int k = 0; k < this.count; k++) {
				if ((this.flags[k] & flag) != 0) {
					list[next++] = k;
				}
			}
			return list;
		}

		void add(int start, int end, byte tokenFlags) {
			if (this.count == this.starts.length) {
				this.starts = Arrays.copyOf(this.starts, this.count * 2);
				this.ends = Arrays.copyOf(this.ends, this.count * 2);
				this.flags = Arrays.copyOf(this.flags, this.count * 2);
			}
			this.starts[this.count] = start;
			this.ends[this.count] = end;
			this.flags[this.count] = tokenFlags;
			this.count++;
		}

		/** Every token of the text. */
		static Tokens all(String text) {
			int n = text.length();
			Tokens tokens = new Tokens(Math.max(16, n / 6));
			int i = 0;
			while (i < n) {
				if (!isWordChar(text.charAt(i))) {
					i++;
					continue;
				}
				int end = tokenEnd(text, i);
				tokens.add(i, end, flags(text, i, end));
				i = end;
			}
			return tokens;
		}

		/**
		 * The tokens from {@code before} tokens before an anchor token to
		 * {@link #WINDOW_RADIUS} tokens after it, in text order. Anchors are the tokens
		 * containing a position of {@code bits}, or with {@code before} zero the tokens
		 * ending right before one. Every character is looked at a bounded number of
		 * times: the scan never goes back behind {@code scanned}, the end of what was
		 * already indexed or skipped.
		 */
		static Tokens windows(String text, long[] bits, int before) {
			boolean followedBy = before == 0;
			int n = text.length();
			Tokens tokens = new Tokens(64);
			int[] back = new int[2 * Math.max(1, before)];
			int scanned = 0;
			int required = -1;
			while (scanned < n) {
				// the tokens after the last anchor
				while (tokens.count <= required) {
					int start = scanned;
					while (start < n && !isWordChar(text.charAt(start))) {
						start++;
					}
					if (start == n) {
						scanned = n;
						break;
					}
					int end = tokenEnd(text, start);
					byte tokenFlags = flags(text, start, end);
					tokens.add(start, end, tokenFlags);
					scanned = end;
					boolean anchor = followedBy ? (end < n && testBit(bits, end)) : (tokenFlags & HAS_DIGIT) != 0;
					if (anchor) {
						required = Math.max(required, tokens.count - 1 + WINDOW_RADIUS);
					}
				}
				int position = nextBit(bits, followedBy ? scanned + 1 : scanned, n);
				if (position < 0) {
					break;
				}
				int inToken = followedBy ? position - 1 : position;
				int anchorStart = inToken;
				while (anchorStart > scanned && isWordChar(text.charAt(anchorStart - 1))) {
					anchorStart--;
				}
				// the tokens before the anchor, back to what is already indexed
				int found = 0;
				int cursor = anchorStart;
				while (found < before) {
					int end = cursor;
					while (end > scanned && !isWordChar(text.charAt(end - 1))) {
						end--;
					}
					if (end == scanned) {
						break;
					}
					int start = end - 1;
					while (start > scanned && isWordChar(text.charAt(start - 1))) {
						start--;
					}
					back[2 * found] = start;
					back[2 * found + 1] = end;
					found++;
					cursor = start;
				}
				for (int k = found - 1; k >= 0; k--) {
					int start = back[2 * k];
					int end = back[2 * k + 1];
					tokens.add(start, end, flags(text, start, end));
				}
				int anchorEnd = tokenEnd(text, inToken);
				tokens.add(anchorStart, anchorEnd, flags(text, anchorStart, anchorEnd));
				required = tokens.count - 1 + WINDOW_RADIUS;
				scanned = anchorEnd;
			}
			return tokens;
		}

		static boolean testBit(long[] bits, int position) {
			return (bits[position >>> 6] & (1L << position)) != 0;
		}

		static int tokenEnd(String text, int start) {
			int end = start + 1;
			while (end < text.length() && isWordChar(text.charAt(end))) {
				end++;
			}
			return end;
		}

		private static byte flags(String text, int start, int end) {
			boolean digit = false;
			boolean other = false;
			boolean ascii = true;
			for (int i = start; i < end; i++) {
				char c = text.charAt(i);
				if (c >= 128) {
					ascii = false;
					other = true;
				}
				else if (ASCII_CLASS[c] == 1) {
					digit = true;
				}
				else {
					other = true;
				}
			}
			char first = text.charAt(start);
			return (byte) ((digit && !other ? DIGITS_ONLY : 0) | (digit ? HAS_DIGIT : 0) | (ascii ? ASCII : 0)
					| ((first >= 'A' && first <= 'Z') ? CAPITAL_START : 0));
		}

	}

}
