package dev.aisecurity.benchmarks.onnx;

import java.util.Random;

import dev.aisecurity.onnx.ClassificationHead;

/**
 * Trains a {@link ClassificationHead}: standardised features, then logistic regression
 * ({@code hidden == 0}) or one ReLU hidden layer, by mini-batch Adam on weighted binary
 * cross-entropy with L2 regularisation. Deterministic for a given seed.
 */
final class HeadTrainer {

	final int hidden;

	final int epochs;

	final double l2;

	final double learningRate;

	final long seed;

	HeadTrainer(int hidden, int epochs, double l2, double learningRate, long seed) {
		this.hidden = hidden;
		this.epochs = epochs;
		this.l2 = l2;
		this.learningRate = learningRate;
		this.seed = seed;
	}

	/**
	 * Train on examples.
	 * @param x features, one row per example
	 * @param y labels, 1 for injection
	 * @param weight weight of each example
	 * @param model name of the encoder, recorded in the head
	 * @param threshold decision threshold to record
	 * @return the head
	 */
	ClassificationHead train(float[][] x, int[] y, double[] weight, String model, double threshold) {
		int n = x.length;
		int d = x[0].length;
		float[] mean = new float[d];
		float[] scale = new float[d];
		for (float[] row : x) {
			for (int j = 0; j < d; j++) {
				mean[j] += row[j] / n;
			}
		}
		for (float[] row : x) {
			for (int j = 0; j < d; j++) {
				double diff = row[j] - mean[j];
				scale[j] += (float) (diff * diff / n);
			}
		}
		for (int j = 0; j < d; j++) {
			scale[j] = (float) (1 / Math.sqrt(scale[j] + 1e-8));
		}
		float[][] z = new float[n][d];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < d; j++) {
				z[i][j] = (x[i][j] - mean[j]) * scale[j];
			}
		}
		Random random = new Random(this.seed);
		int h = this.hidden;
		double[] w1 = new double[h * d];
		double[] b1 = new double[h];
		double[] w2 = new double[(h > 0) ? h : d];
		double[] b2 = new double[1];
		double init = (h > 0) ? Math.sqrt(2.0 / d) : 0;
		for (int i = 0; i < w1.length; i++) {
			w1[i] = random.nextGaussian() * init;
		}
		if (h > 0) {
			for (int i = 0; i < w2.length; i++) {
				w2[i] = random.nextGaussian() * Math.sqrt(1.0 / h);
			}
		}
		Adam adam1 = new Adam(w1.length);
		Adam adamB1 = new Adam(b1.length);
		Adam adam2 = new Adam(w2.length);
		Adam adamB2 = new Adam(1);
		double totalWeight = 0;
		for (double w : weight) {
			totalWeight += w;
		}
		int batch = 64;
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		double[] g1 = new double[w1.length];
		double[] gb1 = new double[b1.length];
		double[] g2 = new double[w2.length];
		double[] gb2 = new double[1];
		double[] a = new double[h];
		for (int epoch = 0; epoch < this.epochs; epoch++) {
			shuffle(order, random);
			for (int start = 0; start < n; start += batch) {
				int end = Math.min(n, start + batch);
				java.util.Arrays.fill(g1, 0);
				java.util.Arrays.fill(gb1, 0);
				java.util.Arrays.fill(g2, 0);
				gb2[0] = 0;
				double batchWeight = 0;
				for (int k = start; k < end; k++) {
					batchWeight += weight[order[k]];
				}
				double norm = (batchWeight > 0) ? 1 / batchWeight : 0;
				for (int k = start; k < end; k++) {
					int i = order[k];
					float[] xi = z[i];
					double logit = b2[0];
					if (h == 0) {
						for (int j = 0; j < d; j++) {
							logit += w2[j] * xi[j];
						}
					}
					else {
						for (int u = 0; u < h; u++) {
							double s = b1[u];
							int row = u * d;
							for (int j = 0; j < d; j++) {
								s += w1[row + j] * xi[j];
							}
							a[u] = Math.max(0, s);
							logit += w2[u] * a[u];
						}
					}
					double p = 1 / (1 + Math.exp(-logit));
					double delta = (p - y[i]) * weight[i] * norm;
					gb2[0] += delta;
					if (h == 0) {
						for (int j = 0; j < d; j++) {
							g2[j] += delta * xi[j];
						}
					}
					else {
						for (int u = 0; u < h; u++) {
							g2[u] += delta * a[u];
							if (a[u] > 0) {
								double back = delta * w2[u];
								gb1[u] += back;
								int row = u * d;
								for (int j = 0; j < d; j++) {
									g1[row + j] += back * xi[j];
								}
							}
						}
					}
				}
				double decay = this.l2 * (end - start) / n;
				for (int j = 0; j < w2.length; j++) {
					g2[j] += decay * w2[j];
				}
				for (int j = 0; j < w1.length; j++) {
					g1[j] += decay * w1[j];
				}
				adam1.step(w1, g1, this.learningRate);
				adamB1.step(b1, gb1, this.learningRate);
				adam2.step(w2, g2, this.learningRate);
				adamB2.step(b2, gb2, this.learningRate);
			}
		}
		return new ClassificationHead(model, d, h, mean, scale, floats(w1), floats(b1), floats(w2), (float) b2[0],
				threshold);
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
	}

	private static float[] floats(double[] values) {
		float[] floats = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			floats[i] = (float) values[i];
		}
		return floats;
	}

	/** Adam optimiser state for one parameter array. */
	private static final class Adam {

		private final double[] m;

		private final double[] v;

		private int t;

		Adam(int size) {
			this.m = new double[size];
			this.v = new double[size];
		}

		void step(double[] params, double[] grads, double rate) {
			this.t++;
			double c1 = 1 - Math.pow(0.9, this.t);
			double c2 = 1 - Math.pow(0.999, this.t);
			for (int i = 0; i < params.length; i++) {
				this.m[i] = 0.9 * this.m[i] + 0.1 * grads[i];
				this.v[i] = 0.999 * this.v[i] + 0.001 * grads[i] * grads[i];
				params[i] -= rate * (this.m[i] / c1) / (Math.sqrt(this.v[i] / c2) + 1e-8);
			}
		}

	}

}
