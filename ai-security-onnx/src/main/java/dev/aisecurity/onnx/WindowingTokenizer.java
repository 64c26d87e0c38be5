package dev.aisecurity.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * Splits a text into overlapping token windows for a Hugging Face encoder model.
 * <p>
 * The whole text is tokenized once without special tokens; windows of
 * {@code windowTokens} tokens (the model's own prefix and suffix tokens, such as
 * {@code [CLS]} and {@code [SEP]}, included) then step over it with {@code overlapTokens}
 * tokens of overlap, so a phrase cut by one window boundary is whole in the next window.
 * When a text needs more than {@code maxWindows} windows, that many windows are spread
 * evenly from its start to its end (first and last window included), which bounds the
 * cost of one request; the heuristic scanner still reads the whole text.
 * <p>
 * Thread-safe: the native tokenizer is safe for concurrent use and this class holds no
 * mutable state.
 */
public final class WindowingTokenizer implements AutoCloseable {

	private final HuggingFaceTokenizer tokenizer;

	private final long[] prefix;

	private final long[] suffix;

	private final int windowTokens;

	private final int overlapTokens;

	private final int maxWindows;

	/**
	 * Create a windowing tokenizer.
	 * @param tokenizer the tokenizer; closed with this object
	 * @param windowTokens tokens per window, special tokens included
	 * @param overlapTokens tokens shared by consecutive windows
	 * @param maxWindows most windows per text
	 */
	public WindowingTokenizer(HuggingFaceTokenizer tokenizer, int windowTokens, int overlapTokens, int maxWindows) {
		this.tokenizer = tokenizer;
		long[] plain = tokenizer.encode("a", false, false).getIds();
		long[] special = tokenizer.encode("a", true, false).getIds();
		int at = indexOf(special, plain);
		if (at < 0) {
			throw new IllegalArgumentException("Cannot locate the text between the tokenizer's special tokens");
		}
		this.prefix = Arrays.copyOfRange(special, 0, at);
		this.suffix = Arrays.copyOfRange(special, at + plain.length, special.length);
		int content = windowTokens - this.prefix.length - this.suffix.length;
		if (content < 8) {
			throw new IllegalArgumentException("windowTokens " + windowTokens + " leaves fewer than 8 content tokens");
		}
		if (overlapTokens < 0 || overlapTokens >= content) {
			throw new IllegalArgumentException("overlapTokens must be within [0, " + content + ")");
		}
		if (maxWindows < 1) {
			throw new IllegalArgumentException("maxWindows must be at least 1");
		}
		this.windowTokens = windowTokens;
		this.overlapTokens = overlapTokens;
		this.maxWindows = maxWindows;
	}

	/**
	 * Load a {@code tokenizer.json} without its own truncation and padding (windowing
	 * replaces both).
	 * @param tokenizerJson the content of {@code tokenizer.json}; not closed
	 * @param windowTokens tokens per window, special tokens included
	 * @param overlapTokens tokens shared by consecutive windows
	 * @param maxWindows most windows per text
	 * @return the windowing tokenizer
	 * @throws IOException if the tokenizer cannot be read
	 */
	public static WindowingTokenizer load(InputStream tokenizerJson, int windowTokens, int overlapTokens,
			int maxWindows) throws IOException {
		OfflineNatives.ensureOffline();
		HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
				Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
		try {
			return new WindowingTokenizer(tokenizer, windowTokens, overlapTokens, maxWindows);
		}
		catch (RuntimeException ex) {
			tokenizer.close();
			throw ex;
		}
	}

	private static int indexOf(long[] haystack, long[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Tokens per window, special tokens included. */
	public int windowTokens() {
		return this.windowTokens;
	}

	/** Most windows per text. */
	public int maxWindows() {
		return this.maxWindows;
	}

	/** How many special tokens (such as {@code [CLS]}) open every window. */
	public int prefixLength() {
		return this.prefix.length;
	}

	/** How many special tokens (such as {@code [SEP]}) close every window. */
	public int suffixLength() {
		return this.suffix.length;
	}

	/**
	 * How many content tokens the text has.
	 * @param text the text
	 * @return the token count, special tokens excluded
	 */
	public int countTokens(String text) {
		return tokenize(text).length;
	}

	/**
	 * The token ids of a text, without special tokens;
	 * {@link #windowsOf(long[], int, int, int)} cuts them into windows, so one
	 * tokenisation can serve windows of several sizes.
	 * @param text the text
	 * @return the content token ids
	 */
	public long[] tokenize(String text) {
		Encoding encoding = this.tokenizer.encode(text, false, false);
		return encoding.getIds();
	}

	/**
	 * The windows of a text: at least one, at most {@code maxWindows}.
	 * @param text the text
	 * @return the windows
	 */
	public TokenWindows windows(String text) {
		return windowsOf(tokenize(text));
	}

	/**
	 * The windows over already tokenized content, with this tokenizer's window settings.
	 * @param content the content token ids, without special tokens
	 * @return the windows
	 */
	public TokenWindows windowsOf(long[] content) {
		return windowsOf(content, this.windowTokens, this.overlapTokens, this.maxWindows);
	}

	/**
	 * The windows over already tokenized content, with other window settings.
	 * @param content the content token ids, without special tokens
	 * @param windowTokens tokens per window, special tokens included
	 * @param overlapTokens tokens shared by consecutive windows
	 * @param maxWindows most windows
	 * @return the windows
	 */
	public TokenWindows windowsOf(long[] content, int windowTokens, int overlapTokens, int maxWindows) {
		int perWindow = windowTokens - this.prefix.length - this.suffix.length;
		if (perWindow < 8 || overlapTokens < 0 || overlapTokens >= perWindow || maxWindows < 1) {
			throw new IllegalArgumentException("Invalid windows: " + windowTokens + " tokens, " + overlapTokens
					+ " overlap, at most " + maxWindows);
		}
		int stride = perWindow - overlapTokens;
		int needed = (content.length <= perWindow) ? 1 : 1 + ceilDiv(content.length - perWindow, stride);
		int count = Math.min(needed, maxWindows);
		int lastStart = Math.max(0, content.length - perWindow);
		int rowLength = this.prefix.length + Math.min(perWindow, content.length) + this.suffix.length;
		long[][] ids = new long[count][rowLength];
		long[][] mask = new long[count][rowLength];
		for (int w = 0; w < count; w++) {
			int start;
			if (count == needed) {
				start = Math.min(w * stride, lastStart);
			}
			else {
				// evenly spread from the first to the last window
				start = (count == 1) ? 0 : (int) Math.round((double) w * lastStart / (count - 1));
			}
			int length = Math.min(perWindow, content.length - start);
			long[] row = ids[w];
			System.arraycopy(this.prefix, 0, row, 0, this.prefix.length);
			System.arraycopy(content, start, row, this.prefix.length, length);
			System.arraycopy(this.suffix, 0, row, this.prefix.length + length, this.suffix.length);
			Arrays.fill(mask[w], 0, this.prefix.length + length + this.suffix.length, 1L);
		}
		return new TokenWindows(ids, mask, content.length);
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

	@Override
	public void close() {
		this.tokenizer.close();
	}

}
