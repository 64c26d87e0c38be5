package dev.aisecurity.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Scores windows with a sentence encoder and a {@link ClassificationHead} over its
 * embeddings (the default model).
 */
public final class EmbeddingHeadScorer implements WindowScorer {

	private final SentenceEncoder encoder;

	private final ClassificationHead head;

	public EmbeddingHeadScorer(SentenceEncoder encoder, ClassificationHead head) {
		this.encoder = encoder;
		this.head = head;
	}

	public ClassificationHead head() {
		return this.head;
	}

	@Override
	public double[] score(TokenWindows windows, OrtSession.RunOptions runOptions) throws OrtException {
		float[][] embeddings = this.encoder.embed(windows, runOptions);
		double[] scores = new double[embeddings.length];
		for (int i = 0; i < embeddings.length; i++) {
			scores[i] = this.head.probability(embeddings[i]);
		}
		return scores;
	}

	@Override
	public void close() throws OrtException {
		this.encoder.close();
	}

}
