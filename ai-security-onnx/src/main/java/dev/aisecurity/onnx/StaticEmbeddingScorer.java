package dev.aisecurity.onnx;

import ai.onnxruntime.OrtSession;

/**
 * Scores windows with a {@link StaticEmbeddings} table and a {@link ClassificationHead}
 * over the pooled vectors: no model run, only table look-ups, so it answers in
 * microseconds and never needs the latency budget. Thread-safe.
 */
public final class StaticEmbeddingScorer implements WindowScorer {

	private final StaticEmbeddings table;

	private final ClassificationHead head;

	private final int prefixLength;

	private final int suffixLength;

	/**
	 * Create a scorer.
	 * @param table the token table
	 * @param head the head trained on the table's pooled vectors
	 * @param prefixLength special tokens opening each window (skipped unless the table
	 * counts them)
	 * @param suffixLength special tokens closing each window (likewise)
	 */
	public StaticEmbeddingScorer(StaticEmbeddings table, ClassificationHead head, int prefixLength, int suffixLength) {
		if (head.dimensions() != table.dimensions()) {
			throw new IllegalArgumentException("The head expects " + head.dimensions()
					+ " dimensions but the static table has " + table.dimensions());
		}
		this.table = table;
		this.head = head;
		this.prefixLength = prefixLength;
		this.suffixLength = suffixLength;
	}

	/** The head. */
	public ClassificationHead head() {
		return this.head;
	}

	/**
	 * The pooled vector of every window.
	 * @param windows the windows
	 * @return one vector per window
	 */
	public float[][] embed(TokenWindows windows) {
		float[][] vectors = new float[windows.count()][];
		boolean special = this.table.countsSpecialTokens();
		for (int w = 0; w < vectors.length; w++) {
			long[] mask = windows.mask()[w];
			int real = 0;
			while (real < mask.length && mask[real] != 0) {
				real++;
			}
			int from = special ? 0 : this.prefixLength;
			int to = special ? real : Math.max(from, real - this.suffixLength);
			vectors[w] = this.table.embed(windows.ids()[w], from, to);
		}
		return vectors;
	}

	@Override
	public double[] score(TokenWindows windows, OrtSession.RunOptions runOptions) {
		float[][] vectors = embed(windows);
		double[] scores = new double[vectors.length];
		for (int w = 0; w < vectors.length; w++) {
			scores[w] = this.head.probability(vectors[w]);
		}
		return scores;
	}

	@Override
	public void close() {
		// nothing to release: the table is plain heap memory
	}

}
