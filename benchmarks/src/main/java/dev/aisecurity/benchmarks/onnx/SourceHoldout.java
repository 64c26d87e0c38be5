package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.aisecurity.benchmarks.DetectionRates;
import dev.aisecurity.onnx.ClassificationHead;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.ScoreCalibration;
import dev.aisecurity.onnx.StaticEmbeddingScorer;
import dev.aisecurity.onnx.StaticEmbeddings;
import dev.aisecurity.onnx.WindowingTokenizer;
import tools.jackson.databind.JsonNode;

/**
 * Leave-one-source-out estimate for a classifier tier: rows are grouped by source family
 * (the {@code category} before ':'; the three NotInject files form one family; the
 * JailbreakBench artifacts keep their attack method), and for each family the tier's head
 * is trained on every other family and scores the held-out one. {@code --tier static}
 * (the default) uses {@link TrainStatic}'s shipped configuration and trainer;
 * {@code --tier transformer} uses {@link TrainHead}'s (logistic head on the
 * all-MiniLM-L6-v2 window embeddings, taken from the {@link Embeddings} cache under the
 * working directory's {@code target/}, computed when missing). Every row thus gets an
 * <em>out-of-source</em> score from a head that never saw its source family.
 * <p>
 * Three fusions are compared on each held-out family, all chosen without it: the
 * trainers' single threshold (best fused balanced accuracy under 1% pooled benign FPR,
 * chosen on the other families' k-fold out-of-fold scores: {@code kfold-t}); a single
 * threshold chosen on the other families' out-of-source scores under 1% FPR pooled and
 * per benign family ({@code source-t}); and the two-threshold rule of
 * {@link dev.aisecurity.onnx.ScoreCalibration} chosen the same way ({@code source-2t},
 * {@link FusionSearch}). The other families' out-of-source scores come from heads that
 * did see the held-out family (a fully nested protocol would cost a dozen more fits per
 * family); the held-out family's labels are never used. Prints, per held-out family, the
 * flagged rate (TPR for attack families, FPR for benign ones) of the heuristics alone,
 * the head alone at {@code kfold-t} and each fusion, pooled figures, then each fusion's
 * k-fold figures. For the shipped static configuration it writes the out-of-source table
 * ({@code oos-<head>.tsv}: SHA-256 of the sanitised text and probability, no text) from
 * which {@link TrainStatic} chooses the shipped fusion.
 * <p>
 * Usage: {@code SourceHoldout [--data FILE] [--tier static|transformer] [--tables DIR]
 * [--config NAME] [--threads N] [--weights rows|families] [--oof DIR] [--reuse-scores]};
 * {@code --weights families} weighs every source family the same within its class;
 * {@code --reuse-scores} reads the out-of-source table instead of training.
 */
public final class SourceHoldout {

	private SourceHoldout() {
	}

	/** The source family of a row. */
	static String family(String category) {
		if (category.startsWith("notinject_")) {
			return "notinject";
		}
		if (category.startsWith("jbb:")) {
			return category;
		}
		int colon = category.indexOf(':');
		return (colon < 0) ? category : category.substring(0, colon);
	}

	public static void main(String[] args) throws Exception {
		Path data = null;
		Path tables = Path.of("target", "onnx-static");
		String config = TrainStatic.shippedConfig();
		int threads = 1;
		boolean transformer = false;
		boolean familyWeights = false;
		boolean reuseScores = false;
		Path oofDir = Path.of("src/main/resources/dev/aisecurity/benchmarks/onnx");
		List<Path> extraPaths = new ArrayList<>();
		long extraLimit = ExtraBenign.DEFAULT_LIMIT;
		double extraShare = ExtraBenign.DEFAULT_SHARE;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--extra-benign" -> extraPaths.add(Path.of(args[++i]));
				case "--extra-limit" -> extraLimit = Long.parseLong(args[++i]);
				case "--extra-share" -> extraShare = Double.parseDouble(args[++i]);
				case "--data" -> data = Path.of(args[++i]);
				case "--tables" -> tables = Path.of(args[++i]);
				case "--config" -> config = args[++i];
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				case "--oof" -> oofDir = Path.of(args[++i]);
				case "--reuse-scores" -> reuseScores = true;
				case "--weights" -> familyWeights = switch (args[++i]) {
					case "rows" -> false;
					case "families" -> true;
					default -> throw new IllegalArgumentException("Unknown weights: " + args[i]);
				};
				case "--tier" -> transformer = switch (args[++i]) {
					case "static" -> false;
					case "transformer" -> true;
					default -> throw new IllegalArgumentException("Unknown tier: " + args[i]);
				};
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (data == null) {
			data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		}
		ExtraBenign extra = ExtraBenign.read(extraPaths, extraLimit, extraShare);
		if (transformer && !extra.isEmpty()) {
			throw new IllegalArgumentException("--extra-benign trains the static tier only");
		}
		run(data, tables, transformer ? null : config, threads, familyWeights, oofDir, reuseScores, extra);
	}

	/**
	 * Runs the protocol for the static tier configured by {@code name}, or for the
	 * transformer tier when {@code name} is null.
	 */
	private static void run(Path data, Path tables, String name, int threads, boolean familyWeights, Path oofDir,
			boolean reuseScores, ExtraBenign extra) throws Exception {
		DefaultModel model = DefaultModel.QUANTIZED;
		LabelledPrompts prompts = LabelledPrompts.read(data);
		List<JsonNode> rows = prompts.rows();
		int n = prompts.size();
		boolean[] positive = prompts.positive();
		String[] family = prompts.families();
		List<String> texts = prompts.texts();
		float[][][] features;
		float[][][] extraFeatures = new float[0][][];
		HeadTrainer trainer;
		String oofResource;
		String headName;
		boolean shipped;
		if (name == null) {
			features = Embeddings.embed(model, texts, threads);
			trainer = new HeadTrainer(0, 40, 1e-3, 1e-2, 42);
			oofResource = OnnxPromptInjectionSection.OOF_RESOURCE;
			headName = model.baseName();
			shipped = true;
			name = "transformer " + model.baseName() + "/logistic";
		}
		else {
			// one table for both: reading, projecting and quantising it is the costly
			// part
			StaticEmbeddings table = staticTable(model, tables, name);
			features = staticFeatures(model, table, name, texts);
			extraFeatures = staticFeatures(model, table, name, extra.texts());
			int hidden = Integer.parseInt(name.split("/")[5].substring(1));
			trainer = TrainStatic.trainer(hidden);
			oofResource = OnnxPromptInjectionSection.STATIC_OOF_RESOURCE;
			headName = TrainStatic.NAME;
			shipped = name.equals(TrainStatic.shippedConfig());
			name = "static " + name;
		}
		String[] weights = familyWeights ? family : null;
		TrainHead.Heuristics heuristics = TrainHead.Heuristics.of(rows);
		double[] oof;
		Training training = new Training(trainer, headName, weights, extraFeatures, extra.share());
		if (shipped && !familyWeights && extra.isEmpty()) {
			oof = OnnxPromptInjectionSection.scoresOf(SourceHoldout.class.getClassLoader(), oofResource, texts,
					"re-run TrainStatic");
		}
		else {
			int[] fold = CrossValidation.folds(NearDuplicateGroups.groups(texts), positive, TrainStatic.FOLDS);
			oof = outOfFold(training, features, positive, fold, TrainStatic.FOLDS, threads);
		}
		System.out.printf("%d rows, %s%s%s%n", n, name, familyWeights ? ", families weighted equally" : "",
				extra.isEmpty() ? "" : ", extra benign " + extra.describe());
		Path tableFile = oofDir.resolve(outOfSourceTable(headName));
		double[] held;
		if (reuseScores) {
			held = OnnxPromptInjectionSection.scoresOf(SourceHoldout.class.getClassLoader(),
					"dev/aisecurity/benchmarks/onnx/" + outOfSourceTable(headName), texts,
					"run without --reuse-scores");
		}
		else {
			held = outOfSource(training, features, positive, family, threads);
			if (shipped && !familyWeights) {
				writeTable(tableFile, texts, held);
			}
		}
		report(heuristics, positive, family, oof, held);
	}

	/**
	 * Prints, per held-out family and pooled, the flagged rate of the heuristics alone
	 * and of three fusions, each chosen without the held-out family: the single threshold
	 * chosen on the other families' k-fold out-of-fold scores (pooled FPR limit; the
	 * trainers' protocol), the single threshold chosen on the other families'
	 * out-of-source scores (worst-family FPR limit), and the two-threshold rule chosen
	 * like the latter. Then each fusion's k-fold figures, its parameters chosen on all
	 * rows in the same way.
	 */
	static void report(TrainHead.Heuristics heuristics, boolean[] positive, String[] family, double[] oof,
			double[] held) {
		int n = positive.length;
		FusionSearch search = new FusionSearch(heuristics, positive, family);
		TrainHead.Fusion kFoldFusion = new TrainHead.Fusion(heuristics, oof, positive);
		Map<String, Integer> sizes = new TreeMap<>();
		for (String f : family) {
			sizes.merge(f, 1, Integer::sum);
		}
		String[] rules = { "kfold-t", "source-t", "source-2t", "no-model" };
		System.out.printf("%-32s %5s %6s %-4s %7s %7s %9s %9s %9s %9s%n", "held-out family", "rows", "label", "rate",
				"heur", "head", rules[0], rules[1], rules[2], rules[3]);
		// per family: rows, attacks, heuristics, head alone at kfold-t, the three rules
		// no-model: source-2t's rule with every probability 1, i.e. the heuristics with a
		// lower bar, to tell what the classifier itself adds
		double[] certain = new double[n];
		Arrays.fill(certain, 1);
		boolean[][] ruleFlags = { new boolean[n], heldOutFlags(search, held, family, false),
				heldOutFlags(search, held, family, true), heldOutFlags(search, held, family, true, certain) };
		Map<String, long[]> counts = new LinkedHashMap<>();
		for (String out : sizes.keySet()) {
			boolean[] train = new boolean[n];
			for (int i = 0; i < n; i++) {
				train[i] = !family[i].equals(out);
			}
			// the trainers' protocol: threshold from the other families' k-fold scores
			double t = kFoldFusion.chooseThreshold(train);
			double[] probability = new double[n];
			for (int i = 0; i < n; i++) {
				probability[i] = train[i] ? oof[i] : held[i];
			}
			boolean[] kFoldRule = new TrainHead.Fusion(heuristics, probability, positive).flags(t);
			long[] c = new long[4 + rules.length];
			for (int i = 0; i < n; i++) {
				if (!train[i]) {
					ruleFlags[0][i] = kFoldRule[i];
					c[0]++;
					c[1] += positive[i] ? 1 : 0;
					c[2] += heuristics.blocked[i] ? 1 : 0;
					c[3] += (held[i] >= t) ? 1 : 0;
					for (int r = 0; r < rules.length; r++) {
						c[4 + r] += ruleFlags[r][i] ? 1 : 0;
					}
				}
			}
			counts.put(out, c);
			System.out.println(line(out, c));
		}
		long[][] pooled = new long[2][4 + rules.length];
		for (long[] c : counts.values()) {
			long[] into = pooled[(c[1] > 0) ? 0 : 1];
			for (int k = 0; k < c.length; k++) {
				into[k] += c[k];
			}
		}
		System.out.println(line("pooled attack families", pooled[0]));
		System.out.println(line("pooled benign families", pooled[1]));
		System.out.println("--- k-fold (out-of-fold scores), parameters chosen on all rows ---");
		boolean[] all = TrainHead.allRows(n);
		ScoreCalibration[] calibrations = {
				new ScoreCalibration(kFoldFusion.chooseThreshold(all), heuristics.scannerThreshold),
				search.choose(held, all, false, TrainHead.MAX_FPR, FusionSearch.MAX_FAMILY_FPR),
				search.choose(held, all, true, TrainHead.MAX_FPR, FusionSearch.MAX_FAMILY_FPR) };
		for (int r = 0; r < calibrations.length; r++) {
			System.out.printf("%-10s %-60s %s%n", rules[r], FusionSearch.describe(calibrations[r]),
					rates(search.flags(calibrations[r], oof), positive, family));
		}
		System.out.printf("%-10s %-60s %s%n", "heuristics", "", rates(heuristics.blocked, positive, family));
	}

	/**
	 * The fused decision on every row under a fusion chosen by {@link FusionSearch}
	 * without the row's source family: on the other families' out-of-source scores.
	 * @param twoThresholds whether the search includes the two-threshold rule
	 */
	static boolean[] heldOutFlags(FusionSearch search, double[] outOfSource, String[] family, boolean twoThresholds) {
		return heldOutFlags(search, outOfSource, family, twoThresholds, outOfSource);
	}

	/**
	 * As {@link #heldOutFlags(FusionSearch, double[], String[], boolean)}, but the chosen
	 * fusion decides on {@code applied} probabilities.
	 */
	static boolean[] heldOutFlags(FusionSearch search, double[] outOfSource, String[] family, boolean twoThresholds,
			double[] applied) {
		int n = family.length;
		boolean[] flags = new boolean[n];
		for (String out : new java.util.TreeSet<>(Arrays.asList(family))) {
			boolean[] train = new boolean[n];
			for (int i = 0; i < n; i++) {
				train[i] = !family[i].equals(out);
			}
			boolean[] at = search.flags(
					search.choose(outOfSource, train, twoThresholds, TrainHead.MAX_FPR, FusionSearch.MAX_FAMILY_FPR),
					applied);
			for (int i = 0; i < n; i++) {
				flags[i] |= !train[i] && at[i];
			}
		}
		return flags;
	}

	/**
	 * Flagged rate per source family (TPR of an attack family, FPR of a benign one), then
	 * the pooled attack TPR and benign FPR.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> flaggedRates(boolean[] flags, boolean[] positive, String[] family) {
		Map<String, Object> metrics = TrainHead.Metrics.of(flags, positive, family);
		Map<String, Object> rates = new LinkedHashMap<>((Map<String, Object>) metrics.get("flagged_rate_by_category"));
		rates.put("pooled_attack_tpr", metrics.get("tpr"));
		rates.put("pooled_benign_fpr", metrics.get("fpr"));
		return rates;
	}

	/** TPR, FPR, balanced accuracy and the worst benign family's FPR. */
	static String rates(boolean[] flags, boolean[] positive, String[] family) {
		DetectionRates rates = new DetectionRates();
		Map<String, long[]> benign = new TreeMap<>();
		for (int i = 0; i < flags.length; i++) {
			rates.add(positive[i], flags[i]);
			if (!positive[i]) {
				long[] c = benign.computeIfAbsent(family[i], (k) -> new long[2]);
				c[0]++;
				c[1] += flags[i] ? 1 : 0;
			}
		}
		String worst = "";
		double worstRate = -1;
		for (Map.Entry<String, long[]> entry : benign.entrySet()) {
			double rate = (double) entry.getValue()[1] / entry.getValue()[0];
			if (rate > worstRate) {
				worstRate = rate;
				worst = entry.getKey();
			}
		}
		return String.format("TPR %.4f FPR %.4f BA %.4f worst benign %s %.4f", rates.tpr(), rates.fpr(),
				(rates.tpr() + 1 - rates.fpr()) / 2, worst, worstRate);
	}

	/**
	 * How a head is trained: the trainer, the head's name, family weights (or null) and
	 * extra benign training pieces with their share of the benign class weight.
	 */
	record Training(HeadTrainer trainer, String headName, String[] weights, float[][][] extra, double share) {

		ClassificationHead fit(float[][][] features, boolean[] positive, boolean[] use) {
			return TrainHead.fit(this.trainer, features, positive, use, this.headName, this.weights, this.extra,
					this.share);
		}

	}

	/** K-fold out-of-fold probabilities. */
	static double[] outOfFold(Training training, float[][][] features, boolean[] positive, int[] fold, int folds,
			int threads) throws Exception {
		String[] group = new String[fold.length];
		for (int i = 0; i < fold.length; i++) {
			group[i] = Integer.toString(fold[i]);
		}
		return outOfGroup(training, features, positive, group, threads);
	}

	/**
	 * Out-of-source probabilities: each row scored by a head trained on every source
	 * family but its own.
	 */
	static double[] outOfSource(Training training, float[][][] features, boolean[] positive, String[] family,
			int threads) throws Exception {
		return outOfGroup(training, features, positive, family, threads);
	}

	/** Each row scored by a head trained on every group but the row's own. */
	private static double[] outOfGroup(Training training, float[][][] features, boolean[] positive, String[] group,
			int threads) throws Exception {
		int n = positive.length;
		double[] scores = new double[n];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (String out : new java.util.TreeSet<>(Arrays.asList(group))) {
				done.add(pool.submit(() -> {
					boolean[] train = new boolean[n];
					for (int i = 0; i < n; i++) {
						train[i] = !group[i].equals(out);
					}
					ClassificationHead head = training.fit(features, positive, train);
					for (int i = 0; i < n; i++) {
						if (!train[i]) {
							scores[i] = TrainHead.score(head, features[i]);
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return scores;
	}

	/** File name of a head's out-of-source table. */
	static String outOfSourceTable(String headName) {
		return "oos-" + headName + ".tsv";
	}

	/**
	 * Writes the out-of-source probabilities (SHA-256 of the sanitised text, probability;
	 * no text), which {@link TrainStatic} reads to choose the shipped fusion.
	 */
	private static void writeTable(Path file, List<String> texts, double[] held) throws IOException {
		Files.createDirectories(file.getParent());
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("# sha256 of the sanitised text <TAB> out-of-source probability (SourceHoldout: "
					+ "head trained on every other source family)\n");
			for (int i = 0; i < texts.size(); i++) {
				writer.write(EmbeddingCache.key(texts.get(i)) + "\t" + (float) held[i] + "\n");
			}
		}
		System.out.println("Wrote " + file);
	}

	private static String line(String family, long[] c) {
		String label = (c[1] == c[0]) ? "attack" : (c[1] == 0) ? "benign" : "mixed";
		StringBuilder line = new StringBuilder(
				String.format("%-32s %5d %6s %-4s", family, c[0], label, "attack".equals(label) ? "TPR" : "FPR"));
		for (int k = 2; k < c.length; k++) {
			line.append(String.format((k < 4) ? " %7.4f" : " %9.4f", (double) c[k] / c[0]));
		}
		return line.toString();
	}

	static float[][][] staticFeatures(DefaultModel model, Path tables, String name, List<String> texts)
			throws IOException {
		return staticFeatures(model, staticTable(model, tables, name), name, texts);
	}

	/**
	 * The static table of the configuration {@code name}, built from the distilled
	 * tables.
	 */
	static StaticEmbeddings staticTable(DefaultModel model, Path tables, String name) throws IOException {
		String[] part = name.split("/");
		int pca = Integer.parseInt(part[2].substring(3));
		float[][] raw = DistillStatic.read(tables.resolve(model.baseName() + "-" + part[0] + ".f32"));
		return StaticEmbeddings.quantize((pca > 0) ? Pca.project(raw, pca) : raw,
				TrainStatic.weights(raw.length, part[1]), "unit".equals(part[3]), "specials".equals(part[4]));
	}

	/** The window vectors of each text with the table and windows of {@code name}. */
	static float[][][] staticFeatures(DefaultModel model, StaticEmbeddings table, String name, List<String> texts) {
		int window = Integer.parseInt(name.split("/")[6].substring(1));
		float[][][] features = new float[texts.size()][][];
		StaticEmbeddingScorer pooling = TrainStatic.pooling(table);
		try (WindowingTokenizer tokenizer = model.tokenizer(SourceHoldout.class.getClassLoader(),
				Embeddings.WINDOW_TOKENS, Embeddings.OVERLAP_TOKENS, Embeddings.MAX_WINDOWS)) {
			for (int i = 0; i < texts.size(); i++) {
				features[i] = pooling
					.embed(TrainStatic.staticWindows(tokenizer, tokenizer.tokenize(texts.get(i)), window));
			}
		}
		return features;
	}

}
