package dev.aisecurity.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * A small classifier over a sentence embedding: feature standardisation, an optional
 * hidden layer (ReLU), then a logistic output. Immutable and thread-safe.
 * <p>
 * Stored as a {@code .properties} file, which the training code in the benchmarks module
 * writes: {@code model} (the encoder it was trained on), {@code dimensions},
 * {@code hidden} (0 for logistic regression), {@code mean}, {@code scale},
 * {@code w1}/{@code b1} (hidden layer, row-major {@code [hidden][dimensions]}),
 * {@code w2}/{@code b2} (output layer) and {@code threshold} (the probability at which
 * the classifier alone decides "injection", calibrated by cross-validation).
 */
public final class ClassificationHead {

	private final String model;

	private final int dimensions;

	private final int hidden;

	private final float[] mean;

	private final float[] scale;

	private final float[] w1;

	private final float[] b1;

	private final float[] w2;

	private final float b2;

	private final double threshold;

	/**
	 * Create a head.
	 * @param model name of the encoder the head was trained on
	 * @param dimensions embedding size
	 * @param hidden hidden units, 0 for logistic regression
	 * @param mean per-feature mean subtracted first
	 * @param scale per-feature factor applied after the mean
	 * @param w1 hidden weights {@code [hidden][dimensions]} row-major (empty when hidden
	 * is 0)
	 * @param b1 hidden biases
	 * @param w2 output weights (size {@code hidden}, or {@code dimensions} when hidden is
	 * 0)
	 * @param b2 output bias
	 * @param threshold recommended decision threshold on the probability
	 */
	public ClassificationHead(String model, int dimensions, int hidden, float[] mean, float[] scale, float[] w1,
			float[] b1, float[] w2, float b2, double threshold) {
		this.model = model;
		this.dimensions = dimensions;
		this.hidden = hidden;
		this.mean = check(mean, dimensions, "mean");
		this.scale = check(scale, dimensions, "scale");
		this.w1 = check(w1, hidden * dimensions, "w1");
		this.b1 = check(b1, hidden, "b1");
		this.w2 = check(w2, (hidden > 0) ? hidden : dimensions, "w2");
		this.b2 = b2;
		if (!(threshold > 0 && threshold < 1)) {
			throw new IllegalArgumentException("threshold must be within (0, 1)");
		}
		this.threshold = threshold;
	}

	private static float[] check(float[] values, int size, String name) {
		if (values.length != size) {
			throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + size);
		}
		return values.clone();
	}

	/**
	 * Read a head from its properties form.
	 * @param in the properties; not closed
	 * @return the head
	 * @throws IOException if it cannot be read
	 */
	public static ClassificationHead read(InputStream in) throws IOException {
		Properties properties = new Properties();
		properties.load(in);
		int dimensions = Integer.parseInt(required(properties, "dimensions"));
		int hidden = Integer.parseInt(properties.getProperty("hidden", "0"));
		return new ClassificationHead(required(properties, "model"), dimensions, hidden, floats(properties, "mean"),
				floats(properties, "scale"), floats(properties, "w1"), floats(properties, "b1"),
				floats(properties, "w2"), Float.parseFloat(required(properties, "b2")),
				Double.parseDouble(required(properties, "threshold")));
	}

	private static String required(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Classification head lacks '" + key + "'");
		}
		return value.trim();
	}

	private static float[] floats(Properties properties, String key) {
		String value = properties.getProperty(key, "").trim();
		if (value.isEmpty()) {
			return new float[0];
		}
		String[] parts = value.split(",");
		float[] floats = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			floats[i] = Float.parseFloat(parts[i].trim());
		}
		return floats;
	}

	/**
	 * Write this head in the form {@link #read(InputStream)} reads.
	 * @param out where to write; not closed
	 * @param comments comment lines written first
	 * @throws IOException if writing fails
	 */
	public void write(java.io.Writer out, java.util.List<String> comments) throws IOException {
		for (String comment : comments) {
			out.write("# " + comment + "\n");
		}
		out.write("model=" + this.model + "\n");
		out.write("dimensions=" + this.dimensions + "\n");
		out.write("hidden=" + this.hidden + "\n");
		out.write("threshold=" + this.threshold + "\n");
		out.write("b2=" + this.b2 + "\n");
		writeFloats(out, "mean", this.mean);
		writeFloats(out, "scale", this.scale);
		writeFloats(out, "w1", this.w1);
		writeFloats(out, "b1", this.b1);
		writeFloats(out, "w2", this.w2);
	}

	private static void writeFloats(java.io.Writer out, String key, float[] values) throws IOException {
		out.write(key + "=");
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.write(",");
				if (i % 16 == 0) {
					out.write("\\\n ");
				}
			}
			out.write(Float.toString(values[i]));
		}
		out.write("\n");
	}

	/**
	 * A copy with another decision threshold.
	 * @param newThreshold the threshold
	 * @return the copy
	 */
	public ClassificationHead withThreshold(double newThreshold) {
		return new ClassificationHead(this.model, this.dimensions, this.hidden, this.mean, this.scale, this.w1, this.b1,
				this.w2, this.b2, newThreshold);
	}

	/** Name of the encoder the head was trained on. */
	public String model() {
		return this.model;
	}

	/** Embedding size. */
	public int dimensions() {
		return this.dimensions;
	}

	/** Recommended decision threshold on {@link #probability(float[])}. */
	public double threshold() {
		return this.threshold;
	}

	/**
	 * The probability that an embedding is an injection.
	 * @param embedding the embedding, of {@link #dimensions()} values
	 * @return the probability, 0 to 1
	 */
	public double probability(float[] embedding) {
		if (embedding.length != this.dimensions) {
			throw new IllegalArgumentException("Expected " + this.dimensions + " dimensions, got " + embedding.length);
		}
		float[] x = new float[this.dimensions];
		for (int d = 0; d < this.dimensions; d++) {
			x[d] = (embedding[d] - this.mean[d]) * this.scale[d];
		}
		double logit = this.b2;
		if (this.hidden == 0) {
			for (int d = 0; d < this.dimensions; d++) {
				logit += this.w2[d] * x[d];
			}
		}
		else {
			for (int h = 0; h < this.hidden; h++) {
				double a = this.b1[h];
				int row = h * this.dimensions;
				for (int d = 0; d < this.dimensions; d++) {
					a += this.w1[row + d] * x[d];
				}
				if (a > 0) {
					logit += this.w2[h] * a;
				}
			}
		}
		return 1 / (1 + Math.exp(-logit));
	}

}
