package dev.aisecurity.guard.pii;

/**
 * A text prepared once for all recognisers: the text and an index of its tokens, maximal
 * runs of letters and digits. Recognisers assemble candidates from consecutive tokens, so
 * the whole analysis stays linear in the text length.
 */
public final class PiiText {

	private final String text;

	private int[] starts;

	private int[] ends;

	private byte[] flags;

	private int count;

	private static final byte DIGITS_ONLY = 1;

	private static final byte HAS_DIGIT = 2;

	private static final byte ASCII = 4;

	/** ASCII character classes: 0 other, 1 digit, 2 letter. */
	private static final byte[] ASCII_CLASS = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII_CLASS[c] = (byte) (isDigit(c) ? 1 : isAsciiLetter(c) ? 2 : 0);
		}
	}

	private PiiText(String text) {
		this.text = text;
		int n = text.length();
		char[] chars = text.toCharArray();
		int capacity = Math.max(16, n / 6);
		this.starts = new int[capacity];
		this.ends = new int[capacity];
		this.flags = new byte[capacity];
		int i = 0;
		while (i < n) {
			char c = chars[i];
			if ((c < 128) ? ASCII_CLASS[c] == 0 : !Character.isLetterOrDigit(c)) {
				i++;
				continue;
			}
			int start = i;
			int seen = 0;
			boolean ascii = true;
			while (i < n) {
				char ch = chars[i];
				int kind;
				if (ch < 128) {
					kind = ASCII_CLASS[ch];
					if (kind == 0) {
						break;
					}
				}
				else if (Character.isLetterOrDigit(ch)) {
					kind = 2;
					ascii = false;
				}
				else {
					break;
				}
				seen |= kind;
				i++;
			}
			boolean digit = (seen & 1) != 0;
			boolean nonDigit = (seen & 2) != 0;
			add(start, i,
					(byte) ((digit && !nonDigit ? DIGITS_ONLY : 0) | (digit ? HAS_DIGIT : 0) | (ascii ? ASCII : 0)));
		}
	}

	/**
	 * Index a text.
	 */
	public static PiiText of(String text) {
		return new PiiText((text != null) ? text : "");
	}

	static boolean isWordChar(char c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
		return Character.isLetterOrDigit(c);
	}

	static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private void add(int start, int end, byte tokenFlags) {
		if (this.count == this.starts.length) {
			this.starts = java.util.Arrays.copyOf(this.starts, this.count * 2);
			this.ends = java.util.Arrays.copyOf(this.ends, this.count * 2);
			this.flags = java.util.Arrays.copyOf(this.flags, this.count * 2);
		}
		this.starts[this.count] = start;
		this.ends[this.count] = end;
		this.flags[this.count] = tokenFlags;
		this.count++;
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

	/**
	 * Number of tokens.
	 */
	public int tokenCount() {
		return this.count;
	}

	public int tokenStart(int token) {
		return this.starts[token];
	}

	public int tokenEnd(int token) {
		return this.ends[token];
	}

	public int tokenLength(int token) {
		return this.ends[token] - this.starts[token];
	}

	/**
	 * Whether the token consists of ASCII digits only.
	 */
	public boolean tokenIsDigits(int token) {
		return (this.flags[token] & DIGITS_ONLY) != 0;
	}

	/**
	 * Whether the token contains at least one ASCII digit.
	 */
	public boolean tokenHasDigit(int token) {
		return (this.flags[token] & HAS_DIGIT) != 0;
	}

	/**
	 * Whether the token consists of ASCII letters and digits only.
	 */
	public boolean tokenIsAscii(int token) {
		return (this.flags[token] & ASCII) != 0;
	}

	private int[] nextDigitToken;

	private int[] digitRun;

	/** Separators any digit-only recogniser may join tokens with (a superset). */
	static final String DIGIT_SEPARATORS = " -./:+";

	/**
	 * An upper bound on the digits a digit-only candidate starting at {@code token} can
	 * have: the digit-only tokens from there on joined by single separator characters. A
	 * recogniser needing more digits can skip the token without building anything.
	 */
	public int digitRunLength(int token) {
		if (this.digitRun == null) {
			int[] run = new int[this.count + 1];
			for (int t = this.count - 1; t >= 0; t--) {
				if (!tokenIsDigits(t)) {
					continue;
				}
				int length = tokenLength(t);
				int gap = this.ends[t];
				if (t + 1 < this.count && this.starts[t + 1] == gap + 1
						&& DIGIT_SEPARATORS.indexOf(this.text.charAt(gap)) >= 0) {
					length += run[t + 1];
				}
				run[t] = length;
			}
			this.digitRun = run;
		}
		return this.digitRun[token];
	}

	/**
	 * The first token at or after {@code token} that contains a digit, or
	 * {@link #tokenCount()} when there is none.
	 */
	public int nextTokenWithDigit(int token) {
		if (this.nextDigitToken == null) {
			int[] next = new int[this.count + 1];
			next[this.count] = this.count;
			for (int t = this.count - 1; t >= 0; t--) {
				next[t] = tokenHasDigit(t) ? t : next[t + 1];
			}
			this.nextDigitToken = next;
		}
		return this.nextDigitToken[Math.min(token, this.count)];
	}

	private int[] nextJoined;

	/**
	 * The first token at or after {@code token} that is followed, after exactly one
	 * character other than white space or a control character, by another token;
	 * {@link #tokenCount()} when there is none.
	 */
	public int nextJoinedToken(int token) {
		if (this.nextJoined == null) {
			int[] next = new int[this.count + 1];
			next[this.count] = this.count;
			for (int t = this.count - 1; t >= 0; t--) {
				boolean joined = t + 1 < this.count && this.starts[t + 1] == this.ends[t] + 1
						&& this.text.charAt(this.ends[t]) > ' ';
				next[t] = joined ? t : next[t + 1];
			}
			this.nextJoined = next;
		}
		return this.nextJoined[Math.min(token, this.count)];
	}

	/**
	 * The index of the first token that starts at or after {@code index}.
	 */
	public int tokenAtOrAfter(int index) {
		int lo = 0;
		int hi = this.count;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.starts[mid] < index) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
