package dev.aisecurity.onnx;

import java.util.Arrays;
import java.util.Set;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Scores windows with a Hugging Face sequence-classification model exported to ONNX
 * (output {@code logits} of shape {@code [batch, labels]}): the probability of a window
 * is the softmax mass of the labels that mean "injection" (or the sigmoid of the single
 * logit of a one-label model).
 */
public final class SequenceClassificationScorer implements WindowScorer {

	private final OnnxSession session;

	private final boolean[] positive;

	/**
	 * Create a scorer.
	 * @param session the model session, reading its logits output
	 * @param labels the model's labels in output order (its {@code id2label})
	 * @param positiveLabels the labels that mean injection or jailbreak
	 */
	public SequenceClassificationScorer(OnnxSession session, java.util.List<String> labels,
			Set<String> positiveLabels) {
		if (labels.isEmpty()) {
			throw new IllegalArgumentException("labels must not be empty");
		}
		this.session = session;
		this.positive = new boolean[labels.size()];
		boolean any = false;
		for (int i = 0; i < labels.size(); i++) {
			this.positive[i] = positiveLabels.contains(labels.get(i));
			any |= this.positive[i];
		}
		if (!any) {
			throw new IllegalArgumentException(
					"None of the positive labels " + positiveLabels + " is among the model's labels " + labels);
		}
	}

	@Override
	public double[] score(TokenWindows windows, OrtSession.RunOptions runOptions) throws OrtException {
		Object value = this.session.run(windows, runOptions);
		if (!(value instanceof float[][] logits)) {
			throw new IllegalStateException("Expected a [batch, labels] float output");
		}
		double[] scores = new double[logits.length];
		for (int w = 0; w < logits.length; w++) {
			scores[w] = positiveProbability(logits[w]);
		}
		return scores;
	}

	double positiveProbability(float[] logits) {
		if (logits.length != this.positive.length) {
			throw new IllegalStateException(
					"The model gives " + logits.length + " logits for " + this.positive.length + " labels");
		}
		if (logits.length == 1) {
			return 1 / (1 + Math.exp(-logits[0]));
		}
		double max = Double.NEGATIVE_INFINITY;
		for (float logit : logits) {
			max = Math.max(max, logit);
		}
		double total = 0;
		double positiveMass = 0;
		for (int i = 0; i < logits.length; i++) {
			double e = Math.exp(logits[i] - max);
			total += e;
			if (this.positive[i]) {
				positiveMass += e;
			}
		}
		return positiveMass / total;
	}

	@Override
	public String toString() {
		return "SequenceClassificationScorer" + Arrays.toString(this.positive);
	}

	@Override
	public void close() throws OrtException {
		this.session.close();
	}

}
