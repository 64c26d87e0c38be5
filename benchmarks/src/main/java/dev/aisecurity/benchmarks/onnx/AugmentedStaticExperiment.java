package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.aisecurity.benchmarks.BenignCorpusScan;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.onnx.ClassificationHead;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.StaticEmbeddingScorer;
import dev.aisecurity.onnx.StaticEmbeddings;
import dev.aisecurity.onnx.WindowingTokenizer;

/**
 * Does benign text from many more sources make the static tier generalise? Trains the
 * shipped static configuration (the module's own table, 256-token windows, 128 hidden
 * units) with and without extra benign pieces cut from documentation on the machine
 * ({@link BenignCorpusScan#collect}), and reports for each:
 * <ul>
 * <li>5-fold cross-validated fused balanced accuracy on the evaluation file (the
 * single-threshold fusion, threshold chosen under 1% benign FPR, as {@link TrainStatic}
 * does; the extra pieces are in every training fold and never scored);</li>
 * <li>how often a head trained on all training data flags benign pieces of sources kept
 * out of training ({@code test=} sources) at that threshold and at 0.1;</li>
 * <li>leave-one-source-out: for each source family of the evaluation file, a head trained
 * on every other family (plus the extra pieces) scores the held-out one; the flagged rate
 * at the k-fold threshold (TPR for attack families, FPR for benign ones).</li>
 * </ul>
 * Nothing read is written anywhere.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.aisecurity.benchmarks.onnx.AugmentedStaticExperiment [--limit N] [--share S]
 * [--loso] train=PATH... test=PATH...}. {@code --share} is the extra pieces' share of the
 * benign class weight (default 0.3).
 */
public final class AugmentedStaticExperiment {

	private static final int WINDOW = 256;

	private final WindowingTokenizer tokenizer;

	private final StaticEmbeddingScorer pooling;

	private AugmentedStaticExperiment() throws IOException {
		ClassLoader loader = getClass().getClassLoader();
		this.tokenizer = DefaultModel.QUANTIZED.tokenizer(loader, Embeddings.WINDOW_TOKENS, Embeddings.OVERLAP_TOKENS,
				Embeddings.MAX_WINDOWS);
		try (InputStream in = loader.getResourceAsStream(DefaultModel.staticTableResource())) {
			this.pooling = TrainStatic.pooling(StaticEmbeddings.read(in));
		}
	}

	float[][] features(String sanitized) {
		return this.pooling
			.embed(TrainStatic.staticWindows(this.tokenizer, this.tokenizer.tokenize(sanitized), WINDOW));
	}

	public static void main(String[] args) throws Exception {
		long limit = ExtraBenign.DEFAULT_LIMIT;
		double share = ExtraBenign.DEFAULT_SHARE;
		boolean loso = false;
		List<Path> train = new ArrayList<>();
		Map<String, Path> test = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--limit" -> limit = Long.parseLong(args[++i]);
				case "--share" -> share = Double.parseDouble(args[++i]);
				case "--loso" -> loso = true;
				default -> {
					if (args[i].startsWith("train=")) {
						train.add(Path.of(args[i].substring(6)));
					}
					else if (args[i].startsWith("test=")) {
						Path path = Path.of(args[i].substring(5));
						test.put(path.toString(), path);
					}
					else {
						throw new IllegalArgumentException("Unknown argument: " + args[i]);
					}
				}
			}
		}
		AugmentedStaticExperiment experiment = new AugmentedStaticExperiment();
		Path data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		LabelledPrompts prompts = LabelledPrompts.read(data);
		int n = prompts.size();
		float[][][] features = new float[n][][];
		for (int i = 0; i < n; i++) {
			features[i] = experiment.features(prompts.texts().get(i));
		}
		List<float[][]> extra = List.of(ExtraBenign.read(train, limit, share).features(experiment::features));
		Map<String, List<float[][]>> held = new LinkedHashMap<>();
		for (Map.Entry<String, Path> entry : test.entrySet()) {
			List<float[][]> pieces = new ArrayList<>();
			for (String piece : BenignCorpusScan.collect(entry.getValue(), limit)) {
				pieces.add(experiment.features(GuardText.of(piece).sanitized()));
			}
			held.put(entry.getKey(), pieces);
		}
		System.out.printf(Locale.ROOT, "evaluation rows %d, extra benign pieces %d, held-out benign sources %s%n", n,
				extra.size(), held.keySet());
		int[] fold = CrossValidation.folds(NearDuplicateGroups.groups(prompts.texts()), prompts.positive(),
				TrainStatic.FOLDS);
		TrainHead.Heuristics heuristics = TrainHead.Heuristics.of(prompts.rows());
		for (double s : (extra.isEmpty()) ? new double[] { 0 } : new double[] { 0, share }) {
			experiment.run(prompts, features, fold, heuristics, (s == 0) ? List.of() : extra, s, held, loso);
		}
	}

	private void run(LabelledPrompts prompts, float[][][] features, int[] fold, TrainHead.Heuristics heuristics,
			List<float[][]> extra, double share, Map<String, List<float[][]>> held, boolean loso) {
		long start = System.nanoTime();
		int n = features.length;
		boolean[] positive = prompts.positive();
		double[] oof = new double[n];
		for (int f = 0; f < TrainStatic.FOLDS; f++) {
			boolean[] use = new boolean[n];
			for (int i = 0; i < n; i++) {
				use[i] = fold[i] != f;
			}
			ClassificationHead head = fit(features, positive, use, extra, share);
			for (int i = 0; i < n; i++) {
				if (!use[i]) {
					oof[i] = TrainHead.score(head, features[i]);
				}
			}
		}
		TrainHead.Fusion fusion = new TrainHead.Fusion(heuristics, oof, positive);
		double threshold = fusion.chooseThreshold(TrainHead.allRows(n));
		Map<String, Object> fused = TrainHead.Metrics.of(fusion.flags(threshold), positive, prompts.categories());
		System.out.printf(Locale.ROOT,
				"%n== extra pieces %d, share %.2f: AUC %.4f, k-fold t %.4f, fused TPR %s FPR %s BA %s%n", extra.size(),
				share, TrainHead.auc(oof, positive), threshold, fused.get("tpr"), fused.get("fpr"),
				fused.get("balanced_accuracy"));
		boolean[] all = TrainHead.allRows(n);
		ClassificationHead head = fit(features, positive, all, extra, share);
		for (Map.Entry<String, List<float[][]>> entry : held.entrySet()) {
			int atT = 0;
			int atLow = 0;
			for (float[][] piece : entry.getValue()) {
				double p = TrainHead.score(head, piece);
				atT += (p >= threshold) ? 1 : 0;
				atLow += (p >= 0.1) ? 1 : 0;
			}
			int size = Math.max(1, entry.getValue().size());
			System.out.printf(Locale.ROOT, "  unseen benign %-40s %6d pieces: p >= t %.2f%%, p >= 0.1 %.2f%%%n",
					entry.getKey(), entry.getValue().size(), 100.0 * atT / size, 100.0 * atLow / size);
		}
		if (loso) {
			String[] family = prompts.families();
			Map<String, int[]> flagged = new TreeMap<>();
			for (String held0 : new java.util.TreeSet<>(Arrays.asList(family))) {
				boolean[] use = new boolean[n];
				for (int i = 0; i < n; i++) {
					use[i] = !family[i].equals(held0);
				}
				ClassificationHead h = fit(features, positive, use, extra, share);
				int[] counts = new int[2];
				for (int i = 0; i < n; i++) {
					if (!use[i]) {
						counts[1]++;
						counts[0] += (TrainHead.score(h, features[i]) >= threshold) ? 1 : 0;
					}
				}
				flagged.put(held0, counts);
			}
			flagged.forEach((name, counts) -> System.out.printf(Locale.ROOT, "  held-out family %-32s %5d rows: %.3f%n",
					name, counts[1], (double) counts[0] / counts[1]));
		}
		System.out.printf(Locale.ROOT, "  (%d s)%n", (System.nanoTime() - start) / 1_000_000_000L);
	}

	private static ClassificationHead fit(float[][][] features, boolean[] positive, boolean[] use,
			List<float[][]> extra, double share) {
		return TrainHead.fit(TrainStatic.trainer(128), features, positive, use, TrainStatic.NAME, null,
				extra.toArray(new float[0][][]), share);
	}

}
