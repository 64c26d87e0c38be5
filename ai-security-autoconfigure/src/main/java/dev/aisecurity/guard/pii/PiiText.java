package dev.aisecurity.guard.pii;

/**
 * A text prepared once for all recognisers: the text and an index of its tokens, maximal
 * runs of letters and digits. Recognisers assemble candidates from consecutive tokens, so
 * the whole analysis stays linear in the text length.
 */
public final class PiiText {

	private final String text;

	private int[] starts = new int[16];

	private int[] ends = new int[16];

	private int count;

	private PiiText(String text) {
		this.text = text;
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (!isWordChar(c)) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && isWordChar(text.charAt(i))) {
				i++;
			}
			add(start, i);
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

	private void add(int start, int end) {
		if (this.count == this.starts.length) {
			this.starts = java.util.Arrays.copyOf(this.starts, this.count * 2);
			this.ends = java.util.Arrays.copyOf(this.ends, this.count * 2);
		}
		this.starts[this.count] = start;
		this.ends[this.count] = end;
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
		for (int i = this.starts[token]; i < this.ends[token]; i++) {
			if (!isDigit(this.text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the token consists of ASCII letters and digits only.
	 */
	public boolean tokenIsAscii(int token) {
		for (int i = this.starts[token]; i < this.ends[token]; i++) {
			char c = this.text.charAt(i);
			if (c >= 128) {
				return false;
			}
		}
		return true;
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
