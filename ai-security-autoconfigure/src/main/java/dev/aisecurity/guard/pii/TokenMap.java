package dev.aisecurity.guard.pii;

import java.util.HashMap;
import java.util.Map;

/**
 * The placeholders of one request and the values they stand for. Lives only as long as
 * the request; its {@link #toString()} shows counts only, so it can never leak the values
 * into a log. Not thread-safe: one request, one map (a streamed reply is restored
 * sequentially).
 */
public final class TokenMap {

	/** Longest placeholder this map creates, for stream look-ahead. */
	static final int MAX_PLACEHOLDER_LENGTH = 64;

	private final Map<String, String> byPlaceholder = new HashMap<>();

	private final Map<String, String> byValue = new HashMap<>();

	private final Map<String, Integer> counters = new HashMap<>();

	/**
	 * The placeholder for a value, the same one each time the same value of the same type
	 * appears: {@code <EMAIL_ADDRESS_1>}.
	 */
	public String placeholderFor(String type, String value) {
		String key = type + '\u0000' + value;
		String existing = this.byValue.get(key);
		if (existing != null) {
			return existing;
		}
		int n = this.counters.merge(type, 1, Integer::sum);
		String placeholder = "<" + type + "_" + n + ">";
		this.byValue.put(key, placeholder);
		this.byPlaceholder.put(placeholder, value);
		return placeholder;
	}

	/**
	 * The value behind a placeholder, or {@code null}.
	 */
	public String valueOf(String placeholder) {
		return this.byPlaceholder.get(placeholder);
	}

	public int size() {
		return this.byPlaceholder.size();
	}

	public boolean isEmpty() {
		return this.byPlaceholder.isEmpty();
	}

	/**
	 * Put the values back in place of this map's placeholders; other text, including
	 * placeholder-like text this map did not create, is left alone.
	 */
	public String restore(String text) {
		if (text == null || this.byPlaceholder.isEmpty() || text.indexOf('<') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 32);
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (c == '<') {
				int close = placeholderEnd(text, i);
				if (close > 0) {
					String value = this.byPlaceholder.get(text.substring(i, close));
					if (value != null) {
						out.append(value);
						i = close;
						continue;
					}
				}
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	/**
	 * The end (exclusive) of a placeholder-shaped run {@code <[A-Z0-9_]+>} at
	 * {@code start}, -1 when there is none, or -2 when the text ends before it could
	 * close.
	 */
	static int placeholderEnd(CharSequence text, int start) {
		int n = text.length();
		for (int i = start + 1; i < n && i - start <= MAX_PLACEHOLDER_LENGTH; i++) {
			char c = text.charAt(i);
			if (c == '>') {
				return (i > start + 1) ? i + 1 : -1;
			}
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return -1;
			}
		}
		return (n - start <= MAX_PLACEHOLDER_LENGTH) ? -2 : -1;
	}

	/**
	 * A restorer for a streamed reply: each chunk is restored, and a placeholder split
	 * across chunks is held back until it completes.
	 */
	public StreamRestorer streamRestorer() {
		return new StreamRestorer(this);
	}

	@Override
	public String toString() {
		return "TokenMap[" + this.byPlaceholder.size() + " entries]";
	}

	/**
	 * Restores a reply arriving in chunks. Holds back at most one partial placeholder
	 * ({@value TokenMap#MAX_PLACEHOLDER_LENGTH} characters).
	 */
	public static final class StreamRestorer {

		private final TokenMap map;

		private final StringBuilder pending = new StringBuilder();

		StreamRestorer(TokenMap map) {
			this.map = map;
		}

		/**
		 * Accept a chunk and return what can be released now, restored.
		 */
		public String push(String chunk) {
			if (chunk != null) {
				this.pending.append(chunk);
			}
			int hold = this.pending.length();
			int lt = this.pending.lastIndexOf("<");
			if (lt >= 0 && placeholderEnd(this.pending, lt) == -2) {
				hold = lt;
			}
			String release = this.pending.substring(0, hold);
			this.pending.delete(0, hold);
			return this.map.restore(release);
		}

		/**
		 * Release whatever is held back at the end of the stream.
		 */
		public String flush() {
			String rest = this.pending.toString();
			this.pending.setLength(0);
			return this.map.restore(rest);
		}

		/**
		 * Characters currently held back.
		 */
		public int held() {
			return this.pending.length();
		}

		@Override
		public String toString() {
			return "StreamRestorer[held=" + this.pending.length() + "]";
		}

	}

}
