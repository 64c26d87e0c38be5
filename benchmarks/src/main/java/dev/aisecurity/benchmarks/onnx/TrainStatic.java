package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.io.OutputStream;
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

import dev.aisecurity.benchmarks.DetectionRates;
import dev.aisecurity.onnx.ClassificationHead;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.ScoreCalibration;
import dev.aisecurity.onnx.StaticEmbeddingScorer;
import dev.aisecurity.onnx.StaticEmbeddings;
import dev.aisecurity.onnx.TokenWindows;
import dev.aisecurity.onnx.WindowingTokenizer;
import tools.jackson.databind.JsonNode;

import static dev.aisecurity.benchmarks.DetectionRates.round;

/**
 * Builds the static tier of the default classifier from the tables {@link DistillStatic}
 * wrote, and chooses every option by grouped, stratified k-fold cross-validation (the
 * protocol of {@link TrainHead}; every figure is out-of-fold):
 * <ol>
 * <li>the table form (the token's own output or the mean over {@code [CLS] token [SEP]}),
 * the token weighting (uniform, Zipf {@code log(1 + rank)} or SIF {@code a / (a + p)}
 * with {@code p} from the vocabulary rank), unit length or plain mean, and whether
 * {@code [CLS]}/{@code [SEP]} count;</li>
 * <li>PCA dimensions (the principal axes of the vocabulary table itself, no labels);</li>
 * <li>the static tier's own windows (64, 128 or the transformer's 256 tokens, a quarter
 * overlap): a mean over fewer tokens dilutes a short injection less;</li>
 * <li>a logistic or a one-hidden-layer head.</li>
 * </ol>
 * The table is int8-quantised before any feature is computed, so training sees exactly
 * what the module computes at run time. The static tier's threshold is chosen as
 * {@link TrainHead} chooses the transformer's (best fused balanced accuracy under 1%
 * benign FPR). Then the cascade: a text whose static log-odds lie within a band around
 * the threshold goes to the transformer (its out-of-fold probability, from
 * {@link TrainHead}'s table). The band is the one whose fused decision has the best
 * balanced accuracy under 1% benign FPR while escalating at most {@value #MAX_ESCALATED}
 * of the rows (between equals, the narrower); a nested estimate (band and thresholds
 * chosen on the other folds) is reported beside it, and whether it meets the target
 * (balanced accuracy at least {@value #TARGET_BALANCED_ACCURACY}).
 * <p>
 * Usage:
 * {@code TrainStatic [--data FILE] [--tables DIR] [--out DIR] [--oof DIR] [--config NAME]};
 * {@code --config} skips the search and trains one configuration (a name the search
 * printed).
 */
public final class TrainStatic {

	static final double TARGET_BALANCED_ACCURACY = 0.95;

	/** Most rows the cascade may send to the transformer. */
	static final double MAX_ESCALATED = 0.2;

	static final String NAME = DefaultModel.QUANTIZED.baseName() + "-static";

	static final int FOLDS = 5;

	/**
	 * The options of a static tier.
	 */
	record Config(String table, String weighting, int pca, boolean unitLength, boolean specials, int hidden,
			int window) {

		Config(String table, String weighting, int pca, boolean unitLength, boolean specials, int hidden) {
			this(table, weighting, pca, unitLength, specials, hidden, Embeddings.WINDOW_TOKENS);
		}

		Config withWindow(int tokens) {
			return new Config(this.table, this.weighting, this.pca, this.unitLength, this.specials, this.hidden,
					tokens);
		}

		@Override
		public String toString() {
			return this.table + "/" + this.weighting + "/pca" + this.pca + (this.unitLength ? "/unit" : "/mean")
					+ (this.specials ? "/specials" : "/content") + "/h" + this.hidden + "/w" + this.window;
		}

	}

	/** The configuration of the shipped static head (its report's {@code config}). */
	static String shippedConfig() {
		try (java.io.InputStream in = TrainStatic.class.getClassLoader()
			.getResourceAsStream("dev/aisecurity/onnx/" + NAME + "-head.json")) {
			if (in == null) {
				throw new IllegalStateException("The static head's report is not on the classpath");
			}
			return tools.jackson.databind.json.JsonMapper.builder().build().readTree(in).get("config").asString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Overlap of static windows: a quarter of the window. */
	static int overlap(int windowTokens) {
		return windowTokens / 4;
	}

	/**
	 * Most static windows per text: enough to cover about 4,000 tokens (a static window
	 * costs microseconds, so the cap only bounds pathological inputs).
	 */
	static int maxWindows(int windowTokens) {
		return Math.max(Embeddings.MAX_WINDOWS, 4096 / (windowTokens - overlap(windowTokens)));
	}

	/** Out-of-fold result of one configuration. */
	record Result(Config config, double[] oof, double auc, double threshold, Map<String, Object> fused) {

		double balancedAccuracy() {
			return ((Number) this.fused.get("balanced_accuracy")).doubleValue();
		}

	}

	public static void main(String[] args) throws IOException {
		Path data = null;
		Path tables = Path.of("target", "onnx-static");
		Path out = Path.of("../ai-security-onnx/src/main/resources/dev/aisecurity/onnx");
		Path oofDir = Path.of("src/main/resources/dev/aisecurity/benchmarks/onnx");
		String config = null;
		boolean reuseHead = false;
		List<Path> extraPaths = new ArrayList<>();
		long extraLimit = ExtraBenign.DEFAULT_LIMIT;
		double extraShare = ExtraBenign.DEFAULT_SHARE;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--config" -> config = args[++i];
				case "--reuse-head" -> reuseHead = true;
				case "--data" -> data = Path.of(args[++i]);
				case "--tables" -> tables = Path.of(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--oof" -> oofDir = Path.of(args[++i]);
				case "--extra-benign" -> extraPaths.add(Path.of(args[++i]));
				case "--extra-limit" -> extraLimit = Long.parseLong(args[++i]);
				case "--extra-share" -> extraShare = Double.parseDouble(args[++i]);
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (data == null) {
			data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		}
		TrainStatic trainer = new TrainStatic(data, tables, ExtraBenign.read(extraPaths, extraLimit, extraShare));
		if (reuseHead) {
			trainer.refuse(out, oofDir);
		}
		else {
			trainer.run(out, oofDir, config);
		}
	}

	private final DefaultModel model = DefaultModel.QUANTIZED;

	private final List<String> texts = new ArrayList<>();

	private final boolean[] positive;

	private final String[] categories;

	private final long[][] content;

	private final WindowingTokenizer tokenizer;

	private final Map<Integer, TokenWindows[]> windowsBySize = new LinkedHashMap<>();

	private final int[] groups;

	private final int[] fold;

	private final TrainHead.Heuristics heuristics;

	private final Map<String, float[][]> rawTables = new LinkedHashMap<>();

	private final Map<String, StaticEmbeddings> built = new LinkedHashMap<>();

	/** Benign training text beyond the evaluation file. */
	private final ExtraBenign extra;

	private final long[][] extraContent;

	/** The option search of the shipped report, kept when the head is reused. */
	private List<String> priorSearch;

	private TrainStatic(Path data, Path tables, ExtraBenign extra) throws IOException {
		LabelledPrompts prompts = LabelledPrompts.read(data);
		List<JsonNode> rows = prompts.rows();
		int n = prompts.size();
		this.positive = prompts.positive();
		this.categories = prompts.categories();
		this.content = new long[n][];
		ClassLoader loader = getClass().getClassLoader();
		this.tokenizer = this.model.tokenizer(loader, Embeddings.WINDOW_TOKENS, Embeddings.OVERLAP_TOKENS,
				Embeddings.MAX_WINDOWS);
		this.texts.addAll(prompts.texts());
		for (int i = 0; i < n; i++) {
			this.content[i] = this.tokenizer.tokenize(this.texts.get(i));
		}
		this.extra = extra;
		this.extraContent = new long[extra.texts().size()][];
		for (int i = 0; i < this.extraContent.length; i++) {
			this.extraContent[i] = this.tokenizer.tokenize(extra.texts().get(i));
		}
		this.groups = NearDuplicateGroups.groups(this.texts);
		this.fold = CrossValidation.folds(this.groups, this.positive, FOLDS);
		this.heuristics = TrainHead.Heuristics.of(rows);
		for (String form : List.of("token", "mean3")) {
			this.rawTables.put(form, DistillStatic.read(tables.resolve(this.model.baseName() + "-" + form + ".f32")));
		}
	}

	/**
	 * Re-chooses the fusion of the shipped configuration without retraining: the shipped
	 * head and its out-of-fold table are exactly what training that configuration again
	 * computes (training is deterministic), so only the fusion, the cascade band and the
	 * reports are recomputed.
	 */
	private void refuse(Path out, Path oofDir) throws IOException {
		this.priorSearch = new ArrayList<>();
		try (java.io.InputStream in = getClass().getClassLoader()
			.getResourceAsStream("dev/aisecurity/onnx/" + NAME + "-head.json")) {
			tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.readTree(in)
				.get("search")
				.forEach((entry) -> this.priorSearch.add(entry.asString()));
		}
		String[] part = shippedConfig().split("/");
		Config config = new Config(part[0], part[1], Integer.parseInt(part[2].substring(3)), "unit".equals(part[3]),
				"specials".equals(part[4]), Integer.parseInt(part[5].substring(1)),
				Integer.parseInt(part[6].substring(1)));
		double[] oof = table(OnnxPromptInjectionSection.STATIC_OOF_RESOURCE, "re-run TrainStatic");
		TrainHead.Fusion fusion = new TrainHead.Fusion(this.heuristics, oof, this.positive);
		double threshold = fusion.chooseThreshold(TrainHead.allRows(oof.length));
		Result result = new Result(config, oof, TrainHead.auc(oof, this.positive), threshold,
				TrainHead.Metrics.of(fusion.flags(threshold), this.positive, this.categories));
		List<Result> results = new ArrayList<>();
		results.add(result);
		ClassificationHead head;
		try (java.io.InputStream in = getClass().getClassLoader()
			.getResourceAsStream(dev.aisecurity.onnx.DefaultModel.staticHeadResource())) {
			head = ClassificationHead.read(in);
		}
		write(result, results, out, oofDir, head);
	}

	private void run(Path out, Path oofDir, String only) throws IOException {
		List<Result> results = new ArrayList<>();
		if (only != null) {
			// re-run one configuration of an earlier search (its printed name)
			String[] part = only.split("/");
			Config config = new Config(part[0], part[1], Integer.parseInt(part[2].substring(3)), "unit".equals(part[3]),
					"specials".equals(part[4]), Integer.parseInt(part[5].substring(1)),
					(part.length > 6) ? Integer.parseInt(part[6].substring(1)) : Embeddings.WINDOW_TOKENS);
			write(evaluate(config, results), results, out, oofDir, null);
			return;
		}
		// stage 1: table form, weighting, pooling
		Result best = null;
		for (String table : this.rawTables.keySet()) {
			for (String weighting : List.of("uniform", "zipf", "sif-3", "sif-4")) {
				for (boolean unit : List.of(true, false)) {
					best = better(best, evaluate(new Config(table, weighting, 0, unit, false, 0), results));
				}
			}
		}
		Config c = best.config();
		best = better(best, evaluate(new Config(c.table(), c.weighting(), 0, c.unitLength(), true, 0), results));
		// stage 2: PCA
		c = best.config();
		for (int pca : List.of(384, 256, 128)) {
			best = better(best,
					evaluate(new Config(c.table(), c.weighting(), pca, c.unitLength(), c.specials(), 0), results));
		}
		// stage 3: static windows (cheap at run time, so shorter windows are affordable)
		c = best.config();
		for (int window : List.of(64, 128)) {
			best = better(best, evaluate(c.withWindow(window), results));
		}
		// stage 4: head
		c = best.config();
		for (int hidden : List.of(32, 128)) {
			best = better(best, evaluate(
					new Config(c.table(), c.weighting(), c.pca(), c.unitLength(), c.specials(), hidden, c.window()),
					results));
		}
		System.out.println("Chosen: " + best.config() + " BA " + best.balancedAccuracy());
		write(best, results, out, oofDir, null);
	}

	/** The better result: higher fused balanced accuracy, then higher AUC. */
	private static Result better(Result a, Result b) {
		if (a == null) {
			return b;
		}
		double delta = b.balancedAccuracy() - a.balancedAccuracy();
		if (delta > 1e-9 || (Math.abs(delta) <= 1e-9 && b.auc() > a.auc())) {
			return b;
		}
		return a;
	}

	private StaticEmbeddings table(Config config) {
		String key = config.table() + "/" + config.weighting() + "/" + config.pca() + "/" + config.unitLength() + "/"
				+ config.specials();
		return this.built.computeIfAbsent(key, (k) -> {
			float[][] raw = this.rawTables.get(config.table());
			float[][] projected = (config.pca() > 0) ? Pca.project(raw, config.pca()) : raw;
			return StaticEmbeddings.quantize(projected, weights(raw.length, config.weighting()), config.unitLength(),
					config.specials());
		});
	}

	/**
	 * Token weights from the vocabulary rank: BERT's WordPiece vocabulary lists whole
	 * words roughly by frequency from id 1996 ("the") on; ids below it (special tokens,
	 * single characters) count as the most frequent.
	 */
	static float[] weights(int tokens, String weighting) {
		float[] weights = new float[tokens];
		double harmonic = Math.log(tokens) + 0.5772;
		for (int id = 0; id < tokens; id++) {
			int rank = Math.max(1, id - 1995);
			double probability = 1 / (rank * harmonic);
			weights[id] = switch (weighting) {
				case "uniform" -> 1f;
				case "zipf" -> (float) Math.log(1 + rank);
				case "sif-3" -> (float) (1e-3 / (1e-3 + probability));
				case "sif-4" -> (float) (1e-4 / (1e-4 + probability));
				default -> throw new IllegalArgumentException(weighting);
			};
		}
		return weights;
	}

	private TokenWindows[] windows(int windowTokens) {
		return this.windowsBySize.computeIfAbsent(windowTokens, (size) -> windows(this.content, size));
	}

	private TokenWindows[] windows(long[][] content, int windowTokens) {
		TokenWindows[] windows = new TokenWindows[content.length];
		for (int i = 0; i < windows.length; i++) {
			windows[i] = staticWindows(this.tokenizer, content[i], windowTokens);
		}
		return windows;
	}

	/**
	 * A text's static windows: {@code windowTokens} tokens each, a quarter of them shared
	 * with the next, at most {@link #maxWindows(int)}.
	 */
	static TokenWindows staticWindows(WindowingTokenizer tokenizer, long[] content, int windowTokens) {
		return tokenizer.windowsOf(content, windowTokens, overlap(windowTokens), maxWindows(windowTokens));
	}

	/** The static tier's pooling with an empty head: it gives window vectors only. */
	static StaticEmbeddingScorer pooling(StaticEmbeddings table) {
		int d = table.dimensions();
		return new StaticEmbeddingScorer(table, new ClassificationHead(NAME, d, 0, new float[d], new float[d],
				new float[0], new float[0], new float[d], 0, 0.5), 1, 1);
	}

	private float[][][] features(StaticEmbeddings table, int windowTokens) {
		return features(table, windows(windowTokens));
	}

	private float[][][] extraFeatures(StaticEmbeddings table, int windowTokens) {
		return features(table, windows(this.extraContent, windowTokens));
	}

	private ClassificationHead fit(HeadTrainer trainer, float[][][] features, float[][][] extraFeatures,
			boolean[] use) {
		return TrainHead.fit(trainer, features, this.positive, use, NAME, null, extraFeatures, this.extra.share());
	}

	private static float[][][] features(StaticEmbeddings table, TokenWindows[] windows) {
		StaticEmbeddingScorer pooling = pooling(table);
		float[][][] features = new float[windows.length][][];
		for (int i = 0; i < features.length; i++) {
			features[i] = pooling.embed(windows[i]);
		}
		return features;
	}

	static HeadTrainer trainer(int hidden) {
		return new HeadTrainer(hidden, 40, 1e-3, (hidden > 0) ? 3e-3 : 1e-2, 42);
	}

	private Result evaluate(Config config, List<Result> results) {
		long start = System.nanoTime();
		float[][][] features = features(table(config), config.window());
		float[][][] extraFeatures = extraFeatures(table(config), config.window());
		HeadTrainer trainer = trainer(config.hidden());
		int n = features.length;
		double[] oof = new double[n];
		for (int f = 0; f < FOLDS; f++) {
			boolean[] train = new boolean[n];
			for (int i = 0; i < n; i++) {
				train[i] = this.fold[i] != f;
			}
			ClassificationHead head = fit(trainer, features, extraFeatures, train);
			for (int i = 0; i < n; i++) {
				if (!train[i]) {
					oof[i] = TrainHead.score(head, features[i]);
				}
			}
		}
		TrainHead.Fusion fusion = new TrainHead.Fusion(this.heuristics, oof, this.positive);
		double threshold = fusion.chooseThreshold(TrainHead.allRows(n));
		Map<String, Object> fused = TrainHead.Metrics.of(fusion.flags(threshold), this.positive, this.categories);
		Result result = new Result(config, oof, TrainHead.auc(oof, this.positive), threshold, fused);
		results.add(result);
		System.out.printf("%-40s AUC %.4f t %.5f fused TPR %s FPR %s BA %s (%d s)%n", config, result.auc(), threshold,
				fused.get("tpr"), fused.get("fpr"), fused.get("balanced_accuracy"),
				(System.nanoTime() - start) / 1_000_000_000L);
		return result;
	}

	/**
	 * Writes the table, the head (trained on all rows unless {@code trained} is given),
	 * its fusion and the reports. The fusion is the two-threshold calibration chosen by
	 * {@link FusionSearch} on the out-of-source scores that {@link SourceHoldout} wrote
	 * (every row scored by a head that never saw its source family), under 1% benign FPR
	 * pooled and per family: cross-validation scores rows from the sources the head
	 * trained on, and a threshold chosen on them flags benign prompts of unseen sources
	 * far more often than it promises. The shipped rule also lets the classifier block
	 * alone where it is all but certain ({@link FusionSearch#CERTAIN}).
	 */
	private void write(Result best, List<Result> results, Path out, Path oofDir, ClassificationHead trained)
			throws IOException {
		int n = this.texts.size();
		Config config = best.config();
		StaticEmbeddings table = table(config);
		TrainHead.Fusion fusion = new TrainHead.Fusion(this.heuristics, best.oof(), this.positive);
		String[] family = new String[n];
		for (int i = 0; i < n; i++) {
			family[i] = SourceHoldout.family(this.categories[i]);
		}
		FusionSearch search = new FusionSearch(this.heuristics, this.positive, family);
		double[] outOfSource = table("dev/aisecurity/benchmarks/onnx/" + SourceHoldout.outOfSourceTable(NAME),
				"run SourceHoldout first");
		ScoreCalibration outOfSourceRule = search.choose(outOfSource, TrainHead.allRows(n), true, TrainHead.MAX_FPR,
				FusionSearch.MAX_FAMILY_FPR);
		ScoreCalibration calibration = search.blockingWhenCertain(outOfSourceRule);
		Cascade cascade = new Cascade(this.heuristics, this.positive, best.oof(), transformerOutOfFold(),
				this.model.head(getClass().getClassLoader()).threshold());
		Cascade.Band band = cascade.choose(calibration, TrainHead.allRows(n));
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("date", LocalDate.now(ZoneOffset.UTC).toString());
		report.put("rows", n);
		report.put("groups", Arrays.stream(this.groups).max().orElse(-1) + 1);
		report.put("folds", FOLDS);
		if (!this.extra.isEmpty()) {
			report.put("extra_benign", this.extra.describe());
		}
		report.put("config", config.toString());
		report.put("tokens", table.tokens());
		report.put("dimensions", table.dimensions());
		report.put("window_tokens", config.window());
		report.put("window_overlap", overlap(config.window()));
		report.put("window_max", maxWindows(config.window()));
		report.put("auc_static", round(best.auc()));
		report.put("threshold", calibration.threshold());
		report.put("fusion_block_threshold", calibration.blockThreshold());
		report.put("fusion_confirm_score", calibration.confirmScore());
		report.put("fusion", FusionSearch.describe(calibration));
		report.put("fusion_out_of_source", FusionSearch.describe(outOfSourceRule));
		report.put("single_threshold", best.threshold());
		report.put("static_alone",
				TrainHead.Metrics.of(classifierFlags(best.oof(), best.threshold()), this.positive, this.categories));
		report.put("heuristics_alone", TrainHead.Metrics.of(this.heuristics.blocked, this.positive, this.categories));
		report.put("static_fused",
				TrainHead.Metrics.of(search.flags(calibration, best.oof()), this.positive, this.categories));
		report.put("static_fused_out_of_source_rule",
				TrainHead.Metrics.of(search.flags(outOfSourceRule, best.oof()), this.positive, this.categories));
		report.put("static_fused_single_threshold", best.fused());
		report.put("static_fused_single_threshold_nested",
				TrainHead.Metrics.of(fusion.nestedFlags(this.fold, FOLDS), this.positive, this.categories));
		report.put("source_holdout_heuristics",
				SourceHoldout.flaggedRates(this.heuristics.blocked, this.positive, family));
		report.put("source_holdout_single_threshold", SourceHoldout
			.flaggedRates(SourceHoldout.heldOutFlags(search, outOfSource, family, false), this.positive, family));
		report.put("source_holdout_fused", SourceHoldout
			.flaggedRates(SourceHoldout.heldOutFlags(search, outOfSource, family, true), this.positive, family));
		report.put("source_holdout_shipped_rule",
				SourceHoldout.flaggedRates(search.flags(calibration, outOfSource), this.positive, family));
		report.put("source_holdout_out_of_source_rule",
				SourceHoldout.flaggedRates(search.flags(outOfSourceRule, outOfSource), this.positive, family));
		double[] certain = new double[n];
		Arrays.fill(certain, 1);
		report.put("source_holdout_fused_without_model", SourceHoldout.flaggedRates(
				SourceHoldout.heldOutFlags(search, outOfSource, family, true, certain), this.positive, family));
		report.put("transformer_fused",
				TrainHead.Metrics.of(cascade.transformerFlags(), this.positive, this.categories));
		report.put("cascade_band_lower", band.lower());
		report.put("cascade_band_upper", band.upper());
		report.put("cascade_escalated", round(band.escalated()));
		report.put("cascade_fused",
				TrainHead.Metrics.of(cascade.flags(calibration, band), this.positive, this.categories));
		report.put("cascade_fused_nested",
				cascade.nested(calibration, this.fold, FOLDS, this.positive, this.categories));
		List<String> options = new ArrayList<>();
		for (Result result : results) {
			options.add(result.config() + ": AUC " + round(result.auc()) + ", fused BA "
					+ result.fused().get("balanced_accuracy") + ", FPR " + result.fused().get("fpr"));
		}
		report.put("search", (this.priorSearch != null) ? this.priorSearch : options);
		ClassificationHead head = ((trained != null) ? trained : fit(trainer(config.hidden()),
				features(table, config.window()), extraFeatures(table, config.window()), TrainHead.allRows(n)))
			.withThreshold(calibration.threshold());
		Files.createDirectories(out);
		try (OutputStream stream = Files.newOutputStream(out.resolve(NAME + ".bin"))) {
			table.write(stream);
		}
		try (Writer writer = Files.newBufferedWriter(out.resolve(NAME + "-head.properties"), StandardCharsets.UTF_8)) {
			head.write(writer,
					List.of("Classification head over " + NAME + " (static token embeddings " + config + ").",
							"Written by dev.aisecurity.benchmarks.onnx.TrainStatic; see " + NAME
									+ "-head.md for the recipe, the data and the cross-validated figures."));
			writer.write("window.tokens=" + config.window() + "\n");
			writer.write("window.overlap=" + overlap(config.window()) + "\n");
			writer.write("window.max-windows=" + maxWindows(config.window()) + "\n");
			writer.write("fusion.block-threshold=" + calibration.blockThreshold() + "\n");
			writer.write("fusion.confirm-score=" + calibration.confirmScore() + "\n");
			writer.write("cascade.lower=" + band.lower() + "\n");
			writer.write("cascade.upper=" + band.upper() + "\n");
		}
		String json = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.writerWithDefaultPrettyPrinter()
			.writeValueAsString(report);
		Files.writeString(out.resolve(NAME + "-head.json"), json + "\n");
		Files.writeString(out.resolve(NAME + "-head.md"), StaticReadme.of(report, json), StandardCharsets.UTF_8);
		Files.createDirectories(oofDir);
		try (Writer writer = Files.newBufferedWriter(oofDir.resolve("oof-" + NAME + ".tsv"), StandardCharsets.UTF_8)) {
			writer
				.write("# sha256 of the sanitised text <TAB> out-of-fold probability of the static tier (TrainStatic, "
						+ FOLDS + "-fold grouped CV)\n");
			for (int i = 0; i < n; i++) {
				writer.write(EmbeddingCache.key(this.texts.get(i)) + "\t" + (float) best.oof()[i] + "\n");
			}
		}
		System.out.println(json);
	}

	private double[] transformerOutOfFold() {
		return table(OnnxPromptInjectionSection.OOF_RESOURCE, "re-run TrainHead");
	}

	/** Every row's probability from a score table on the classpath. */
	private double[] table(String resource, String remedy) {
		return OnnxPromptInjectionSection.scoresOf(getClass().getClassLoader(), resource, this.texts, remedy);
	}

	private static boolean[] classifierFlags(double[] oof, double threshold) {
		boolean[] flags = new boolean[oof.length];
		for (int i = 0; i < oof.length; i++) {
			flags[i] = oof[i] >= threshold;
		}
		return flags;
	}

	/**
	 * The cascade's fused decision as a function of the static threshold and the band.
	 */
	static final class Cascade {

		record Band(double lower, double upper, double escalated) {
		}

		private final TrainHead.Heuristics heuristics;

		private final boolean[] positive;

		private final double[] staticProbability;

		private final double[] transformerProbability;

		private final ScoreCalibration transformerCalibration;

		Cascade(TrainHead.Heuristics heuristics, boolean[] positive, double[] staticProbability,
				double[] transformerProbability, double transformerThreshold) {
			this.heuristics = heuristics;
			this.positive = positive;
			this.staticProbability = staticProbability;
			this.transformerProbability = transformerProbability;
			this.transformerCalibration = new ScoreCalibration(transformerThreshold, heuristics.scannerThreshold);
		}

		static double logit(double p) {
			double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
			return Math.log(q / (1 - q));
		}

		boolean[] transformerFlags() {
			boolean[] flags = new boolean[this.positive.length];
			for (int i = 0; i < flags.length; i++) {
				flags[i] = this.heuristics.fusedBlocked(i,
						this.transformerCalibration.apply(this.transformerProbability[i]));
			}
			return flags;
		}

		boolean escalates(int row, ScoreCalibration calibration, Band band) {
			double margin = logit(this.staticProbability[row]) - logit(calibration.threshold());
			return margin > -band.lower() && margin < band.upper();
		}

		boolean[] flags(ScoreCalibration calibration, Band band) {
			boolean[] flags = new boolean[this.positive.length];
			for (int i = 0; i < flags.length; i++) {
				double score = escalates(i, calibration, band)
						? this.transformerCalibration.apply(this.transformerProbability[i])
						: calibration.apply(this.staticProbability[i]);
				flags[i] = this.heuristics.fusedBlocked(i, score);
			}
			return flags;
		}

		/**
		 * The band whose fused decision has the best balanced accuracy (over the selected
		 * rows) under the FPR limit, escalating at most {@link #MAX_ESCALATED} of them;
		 * between equals, the one escalating fewer.
		 */
		Band choose(ScoreCalibration calibration, boolean[] rows) {
			Band best = new Band(0, 0, 0);
			double bestAccuracy = -1;
			for (int lo = 0; lo <= 24; lo++) {
				for (int hi = 0; hi <= 24; hi++) {
					Band band = new Band(lo * 0.5, hi * 0.5, 0);
					boolean[] flags = flags(calibration, band);
					DetectionRates rates = new DetectionRates();
					long escalated = 0;
					long selected = 0;
					for (int i = 0; i < flags.length; i++) {
						if (rows[i]) {
							selected++;
							escalated += escalates(i, calibration, band) ? 1 : 0;
							rates.add(this.positive[i], flags[i]);
						}
					}
					double rate = (double) escalated / selected;
					double accuracy = (rates.tpr() + 1 - rates.fpr()) / 2;
					if (rates.fpr() > TrainHead.MAX_FPR || rate > MAX_ESCALATED) {
						continue;
					}
					if (accuracy > bestAccuracy + 1e-12
							|| (Math.abs(accuracy - bestAccuracy) <= 1e-12 && rate < best.escalated())) {
						best = new Band(band.lower(), band.upper(), rate);
						bestAccuracy = accuracy;
					}
				}
			}
			return best;
		}

		/**
		 * The band chosen on the other folds, applied to each fold (the static fusion is
		 * chosen on out-of-source scores, not on the folds).
		 */
		Map<String, Object> nested(ScoreCalibration calibration, int[] fold, int folds, boolean[] positive,
				String[] categories) {
			boolean[] flags = new boolean[fold.length];
			long escalated = 0;
			for (int f = 0; f < folds; f++) {
				boolean[] others = new boolean[fold.length];
				for (int i = 0; i < fold.length; i++) {
					others[i] = fold[i] != f;
				}
				Band band = choose(calibration, others);
				boolean[] at = flags(calibration, band);
				for (int i = 0; i < fold.length; i++) {
					if (fold[i] == f) {
						flags[i] = at[i];
						escalated += escalates(i, calibration, band) ? 1 : 0;
					}
				}
			}
			Map<String, Object> metrics = new LinkedHashMap<>(TrainHead.Metrics.of(flags, positive, categories));
			metrics.put("escalated", round((double) escalated / fold.length));
			return metrics;
		}

	}

}
