package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.onnx.ClassificationHead;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.StaticEmbeddingScorer;
import dev.aisecurity.onnx.StaticEmbeddings;
import dev.aisecurity.onnx.TokenWindows;
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
 * working directory's {@code target/}, computed when missing). The fusion threshold is
 * chosen as the trainers choose it (best fused balanced accuracy under 1% benign FPR) but
 * over the other families' rows only, from their k-fold out-of-fold scores of that tier
 * (the shipped table; a nested per-family cross-validation would cost five more fits per
 * family). Prints, per held-out family, the flagged rate (TPR for attack families, FPR
 * for benign ones) of the heuristics alone, the tier's head alone and the fused decision.
 * <p>
 * Usage: {@code SourceHoldout [--data FILE] [--tier static|transformer] [--tables DIR]
 * [--config NAME] [--threads N]}.
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
		String config = "mean3/uniform/pca384/unit/specials/h128/w256";
		int threads = 1;
		boolean transformer = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data" -> data = Path.of(args[++i]);
				case "--tables" -> tables = Path.of(args[++i]);
				case "--config" -> config = args[++i];
				case "--threads" -> threads = Integer.parseInt(args[++i]);
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
		run(data, tables, transformer ? null : config, threads);
	}

	/**
	 * Runs the protocol for the static tier configured by {@code name}, or for the
	 * transformer tier when {@code name} is null.
	 */
	private static void run(Path data, Path tables, String name, int threads) throws Exception {
		DefaultModel model = DefaultModel.QUANTIZED;
		List<JsonNode> rows = JsonLines.read(data);
		int n = rows.size();
		boolean[] positive = new boolean[n];
		String[] family = new String[n];
		List<String> texts = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			JsonNode row = rows.get(i);
			texts.add(GuardText.of(JsonLines.text(row, "text", "")).sanitized());
			String label = JsonLines.text(row, "label", "");
			positive[i] = "injection".equals(label) || "jailbreak".equals(label);
			family[i] = family(JsonLines.text(row, "category", "(none)"));
		}
		float[][][] features;
		HeadTrainer trainer;
		String oofResource;
		String headName;
		if (name == null) {
			features = Embeddings.embed(model, texts, threads);
			trainer = new HeadTrainer(0, 40, 1e-3, 1e-2, 42);
			oofResource = OnnxPromptInjectionSection.OOF_RESOURCE;
			headName = model.baseName();
			name = "transformer " + model.baseName() + "/logistic";
		}
		else {
			features = staticFeatures(model, tables, name, texts);
			int hidden = Integer.parseInt(name.split("/")[5].substring(1));
			trainer = new HeadTrainer(hidden, 40, 1e-3, (hidden > 0) ? 3e-3 : 1e-2, 42);
			oofResource = OnnxPromptInjectionSection.STATIC_OOF_RESOURCE;
			headName = TrainStatic.NAME;
			name = "static " + name;
		}
		TrainHead.Heuristics heuristics = TrainHead.Heuristics.of(rows);
		Map<String, Double> kFold = OnnxPromptInjectionSection.readOutOfFold(SourceHoldout.class.getClassLoader(),
				oofResource);
		double[] oof = new double[n];
		for (int i = 0; i < n; i++) {
			oof[i] = kFold.get(EmbeddingCache.key(texts.get(i)));
		}
		TrainHead.Fusion kFoldFusion = new TrainHead.Fusion(heuristics, oof, positive);
		Map<String, Integer> sizes = new TreeMap<>();
		for (String f : family) {
			sizes.merge(f, 1, Integer::sum);
		}
		System.out.printf("%d rows, %d families, %s%n", n, sizes.size(), name);
		System.out.printf("%-34s %5s %6s %-4s %8s %8s %8s %8s%n", "held-out family", "rows", "label", "rate", "heur",
				"head", "fused", "t");
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		Map<String, Future<long[]>> counts = new LinkedHashMap<>();
		for (String held : sizes.keySet()) {
			counts.put(held, pool.submit(() -> {
				boolean[] train = new boolean[n];
				for (int i = 0; i < n; i++) {
					train[i] = !family[i].equals(held);
				}
				ClassificationHead head = TrainHead.fit(trainer, features, positive, train, headName);
				double threshold = kFoldFusion.chooseThreshold(train);
				double[] probability = new double[n];
				for (int i = 0; i < n; i++) {
					probability[i] = train[i] ? oof[i] : TrainHead.score(head, features[i]);
				}
				boolean[] fused = new TrainHead.Fusion(heuristics, probability, positive).flags(threshold);
				// rows, attacks, flagged by heuristics, by the head alone, fused;
				// threshold bits
				long[] c = new long[6];
				for (int i = 0; i < n; i++) {
					if (!train[i]) {
						c[0]++;
						c[1] += positive[i] ? 1 : 0;
						c[2] += heuristics.blocked[i] ? 1 : 0;
						c[3] += (probability[i] >= threshold) ? 1 : 0;
						c[4] += fused[i] ? 1 : 0;
					}
				}
				c[5] = Double.doubleToLongBits(threshold);
				System.out.println(line(held, c));
				return c;
			}));
		}
		pool.shutdown();
		for (Future<long[]> done : counts.values()) {
			done.get();
		}
		System.out.println("--- summary ---");
		// pooled over held-out attack families (TPR) and benign families (FPR)
		long[][] pooled = new long[2][6];
		for (Map.Entry<String, Future<long[]>> entry : counts.entrySet()) {
			long[] c = entry.getValue().get();
			System.out.println(line(entry.getKey(), c));
			long[] into = pooled[(c[1] > 0) ? 0 : 1];
			for (int k = 0; k < 5; k++) {
				into[k] += c[k];
			}
		}
		pooled[0][5] = Double.doubleToLongBits(Double.NaN);
		pooled[1][5] = Double.doubleToLongBits(Double.NaN);
		System.out.println(line("pooled attack families", pooled[0]));
		System.out.println(line("pooled benign families", pooled[1]));
	}

	private static String line(String family, long[] c) {
		String label = (c[1] == c[0]) ? "attack" : (c[1] == 0) ? "benign" : "mixed";
		return String.format("%-34s %5d %6s %-4s %8.4f %8.4f %8.4f %8.5f", family, c[0], label,
				"attack".equals(label) ? "TPR" : "FPR", (double) c[2] / c[0], (double) c[3] / c[0],
				(double) c[4] / c[0], Double.longBitsToDouble(c[5]));
	}

	private static float[][][] staticFeatures(DefaultModel model, Path tables, String name, List<String> texts)
			throws IOException {
		String[] part = name.split("/");
		String form = part[0];
		String weighting = part[1];
		int pca = Integer.parseInt(part[2].substring(3));
		boolean unit = "unit".equals(part[3]);
		boolean specials = "specials".equals(part[4]);
		int window = Integer.parseInt(part[6].substring(1));
		float[][] raw = DistillStatic.read(tables.resolve(model.baseName() + "-" + form + ".f32"));
		StaticEmbeddings table = StaticEmbeddings.quantize((pca > 0) ? Pca.project(raw, pca) : raw,
				TrainStatic.weights(raw.length, weighting), unit, specials);
		float[][][] features = new float[texts.size()][][];
		StaticEmbeddingScorer pooling = new StaticEmbeddingScorer(table,
				new ClassificationHead(TrainStatic.NAME, table.dimensions(), 0, new float[table.dimensions()],
						new float[table.dimensions()], new float[0], new float[0], new float[table.dimensions()], 0,
						0.5),
				1, 1);
		try (WindowingTokenizer tokenizer = model.tokenizer(SourceHoldout.class.getClassLoader(),
				Embeddings.WINDOW_TOKENS, Embeddings.OVERLAP_TOKENS, Embeddings.MAX_WINDOWS)) {
			for (int i = 0; i < texts.size(); i++) {
				TokenWindows windows = tokenizer.windowsOf(tokenizer.tokenize(texts.get(i)), window,
						TrainStatic.overlap(window), TrainStatic.maxWindows(window));
				features[i] = pooling.embed(windows);
			}
		}
		return features;
	}

}
