package dev.aisecurity.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A sentence-embedding model (such as all-MiniLM-L6-v2): runs the encoder and mean-pools
 * its last hidden state over the real tokens of each window, then scales the result to
 * unit length, as Sentence-Transformers does for this model family.
 */
public final class SentenceEncoder implements AutoCloseable {

	private final OnnxSession session;

	public SentenceEncoder(OnnxSession session) {
		this.session = session;
	}

	/**
	 * Embed windows.
	 * @param windows the windows
	 * @param runOptions run options, or {@code null}
	 * @return one unit-length embedding per window
	 * @throws OrtException if the model fails or the run was terminated
	 */
	public float[][] embed(TokenWindows windows, OrtSession.RunOptions runOptions) throws OrtException {
		Object value = this.session.run(windows, runOptions);
		if (!(value instanceof float[][][] hidden)) {
			throw new IllegalStateException("Expected a [batch, tokens, hidden] float output");
		}
		float[][] pooled = new float[hidden.length][];
		for (int w = 0; w < hidden.length; w++) {
			pooled[w] = meanPool(hidden[w], windows.mask()[w]);
		}
		return pooled;
	}

	static float[] meanPool(float[][] tokens, long[] mask) {
		int dimensions = tokens[0].length;
		double[] sum = new double[dimensions];
		int count = 0;
		for (int t = 0; t < tokens.length; t++) {
			if (mask[t] == 0) {
				continue;
			}
			count++;
			float[] token = tokens[t];
			for (int d = 0; d < dimensions; d++) {
				sum[d] += token[d];
			}
		}
		double norm = 0;
		for (int d = 0; d < dimensions; d++) {
			sum[d] /= Math.max(1, count);
			norm += sum[d] * sum[d];
		}
		norm = Math.sqrt(norm);
		float[] pooled = new float[dimensions];
		for (int d = 0; d < dimensions; d++) {
			pooled[d] = (float) ((norm > 0) ? sum[d] / norm : 0);
		}
		return pooled;
	}

	@Override
	public void close() throws OrtException {
		this.session.close();
	}

}
