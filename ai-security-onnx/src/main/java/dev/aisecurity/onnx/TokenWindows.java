package dev.aisecurity.onnx;

/**
 * The token windows of one text, ready for a model: one row per window, every row of the
 * same length (shorter windows padded with id 0 and mask 0).
 *
 * @param ids the token ids, {@code [windows][length]}
 * @param mask the attention mask, 1 for real tokens and 0 for padding
 * @param tokens how many content tokens the whole text had (before windowing)
 */
public record TokenWindows(long[][] ids, long[][] mask, int tokens) {

	/** How many windows. */
	public int count() {
		return this.ids.length;
	}

	/** Length of every row. */
	public int length() {
		return (this.ids.length == 0) ? 0 : this.ids[0].length;
	}

}
