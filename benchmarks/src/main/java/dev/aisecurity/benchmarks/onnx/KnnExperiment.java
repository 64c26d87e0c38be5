package dev.aisecurity.benchmarks.onnx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.aisecurity.onnx.DefaultModel;
import tools.jackson.databind.JsonNode;

/**
 * An experiment, kept so that its figures can be reproduced: similarity to known attacks
 * (the nearest attack row, by the cosine of the static tier's window embeddings) as the
 * classifier signal, the way vector-database injection detectors work. Every row gets its
 * nearest attack and nearest benign row among the rows of the other k-fold folds (the
 * same grouped folds as {@link TrainStatic}) and among the rows of the other source
 * families (as {@link SourceHoldout}), and the fused decision (heuristics block, or the
 * nearest attack is similar enough) is reported for a range of thresholds, in both views.
 * Needs the distilled tables of {@link DistillStatic}.
 * <p>
 * Usage: {@code KnnExperiment [--data FILE] [--tables DIR]}.
 */
public final class KnnExperiment {

	private KnnExperiment() {
	}

	public static void main(String[] args) throws Exception {
		Path data = null;
		Path tables = Path.of("target", "onnx-static");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data" -> data = Path.of(args[++i]);
				case "--tables" -> tables = Path.of(args[++i]);
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (data == null) {
			data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		}
		LabelledPrompts prompts = LabelledPrompts.read(data);
		List<JsonNode> rows = prompts.rows();
		int n = prompts.size();
		boolean[] positive = prompts.positive();
		String[] family = prompts.families();
		List<String> texts = prompts.texts();
		float[][][] features = SourceHoldout.staticFeatures(DefaultModel.QUANTIZED, tables, TrainStatic.shippedConfig(),
				texts);
		for (float[][] windows : features) {
			for (float[] v : windows) {
				double norm = 0;
				for (float x : v) {
					norm += x * x;
				}
				float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
				for (int d = 0; d < v.length; d++) {
					v[d] *= scale;
				}
			}
		}
		int[] fold = CrossValidation.folds(NearDuplicateGroups.groups(texts), positive, TrainStatic.FOLDS);
		Map<String, Integer> ids = new TreeMap<>();
		int[] fam = new int[n];
		for (int i = 0; i < n; i++) {
			fam[i] = ids.computeIfAbsent(family[i], (k) -> ids.size());
		}
		// [0] attack, other fold; [1] benign, other fold; [2] attack, other family; [3]
		// benign, other family
		float[][] best = new float[4][n];
		for (float[] b : best) {
			Arrays.fill(b, -2);
		}
		AtomicInteger next = new AtomicInteger();
		Thread[] workers = new Thread[2];
		for (int w = 0; w < workers.length; w++) {
			workers[w] = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < n) {
					for (int j = 0; j < n; j++) {
						if (j == i) {
							continue;
						}
						boolean otherFold = fold[j] != fold[i];
						boolean otherFamily = fam[j] != fam[i];
						if (!otherFold && !otherFamily) {
							continue;
						}
						float sim = similarity(features[i], features[j]);
						int k = positive[j] ? 0 : 1;
						if (otherFold && sim > best[k][i]) {
							best[k][i] = sim;
						}
						if (otherFamily && sim > best[k + 2][i]) {
							best[k + 2][i] = sim;
						}
					}
				}
			});
			workers[w].start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		TrainHead.Heuristics heuristics = TrainHead.Heuristics.of(rows);
		String[] benignFamilies = { "dolly", "notinject", "xstest_safe", "awesome_chatgpt_prompts" };
		System.out.println("flagged = heuristics block, or the nearest attack is at least t similar (and, with a"
				+ " margin, closer than the nearest benign row by that margin)");
		for (double margin : new double[] { Double.NaN, 0, 0.05, 0.1 }) {
			System.out.println(Double.isNaN(margin) ? "no margin" : "margin " + margin);
			for (double t : new double[] { 0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96 }) {
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "t=%.2f", t));
				for (int view = 0; view < 2; view++) {
					long[] counts = new long[4];
					Map<String, long[]> perFamily = new TreeMap<>();
					for (int i = 0; i < n; i++) {
						float attack = best[2 * view][i];
						float benign = best[2 * view + 1][i];
						boolean near = attack >= t && (Double.isNaN(margin) || attack > benign + margin);
						boolean flag = heuristics.blocked[i] || near;
						long[] c = perFamily.computeIfAbsent(family[i], (k) -> new long[2]);
						c[0]++;
						c[1] += flag ? 1 : 0;
						counts[positive[i] ? 0 : 2]++;
						counts[positive[i] ? 1 : 3] += flag ? 1 : 0;
					}
					double tpr = (double) counts[1] / counts[0];
					double fpr = (double) counts[3] / counts[2];
					line.append(String.format(Locale.ROOT, " | %s TPR %.3f FPR %.4f BA %.3f",
							(view == 0) ? "k-fold" : "out-of-source", tpr, fpr, (tpr + 1 - fpr) / 2));
					if (view == 1) {
						for (String f : benignFamilies) {
							long[] c = perFamily.get(f);
							line.append(String.format(Locale.ROOT, " %s %.3f", f, (double) c[1] / c[0]));
						}
					}
				}
				System.out.println(line);
			}
		}
	}

	private static float similarity(float[][] a, float[][] b) {
		float best = -2;
		for (float[] x : a) {
			for (float[] y : b) {
				float dot = 0;
				for (int d = 0; d < x.length; d++) {
					dot += x[d] * y[d];
				}
				best = Math.max(best, dot);
			}
		}
		return best;
	}

}
