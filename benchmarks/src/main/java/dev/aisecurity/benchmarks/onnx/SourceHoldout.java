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
 * Leave-one-source-out estimate for the static tier: rows are grouped by source family
 * (the {@code category} before ':'; the three NotInject files form one family; the
 * JailbreakBench artifacts keep their attack method), and for each family the static head
 * ({@link TrainStatic}'s shipped configuration, same trainer) is trained on every other
 * family and scores the held-out one. The fusion threshold is chosen as
 * {@link TrainStatic} chooses it (best fused balanced accuracy under 1% benign FPR) but
 * over the other families' rows only, from their k-fold out-of-fold static scores (the
 * shipped table; a nested per-family cross-validation would cost five more fits per
 * family). Prints, per held-out family, the flagged rate (TPR for attack families, FPR
 * for benign ones) of the heuristics alone, the static head alone and the fused decision.
 * <p>
 * Usage:
 * {@code SourceHoldout [--data FILE] [--tables DIR] [--config NAME] [--threads N]}.
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
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data" -> data = Path.of(args[++i]);
				case "--tables" -> tables = Path.of(args[++i]);
				case "--config" -> config = args[++i];
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (data == null) {
			data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		}
		run(data, tables, config, threads);
	}

	private static void run(Path data, Path tables, String name, int threads) throws Exception {
		String[] part = name.split("/");
		String form = part[0];
		String weighting = part[1];
		int pca = Integer.parseInt(part[2].substring(3));
		boolean unit = "unit".equals(part[3]);
		boolean specials = "specials".equals(part[4]);
		int hidden = Integer.parseInt(part[5].substring(1));
		int window = Integer.parseInt(part[6].substring(1));
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
		float[][] raw = DistillStatic.read(tables.resolve(model.baseName() + "-" + form + ".f32"));
		StaticEmbeddings table = StaticEmbeddings.quantize((pca > 0) ? Pca.project(raw, pca) : raw,
				TrainStatic.weights(raw.length, weighting), unit, specials);
		float[][][] features = new float[n][][];
		StaticEmbeddingScorer pooling = new StaticEmbeddingScorer(table,
				new ClassificationHead(TrainStatic.NAME, table.dimensions(), 0, new float[table.dimensions()],
						new float[table.dimensions()], new float[0], new float[0], new float[table.dimensions()], 0,
						0.5),
				1, 1);
		try (WindowingTokenizer tokenizer = model.tokenizer(SourceHoldout.class.getClassLoader(),
				Embeddings.WINDOW_TOKENS, Embeddings.OVERLAP_TOKENS, Embeddings.MAX_WINDOWS)) {
			for (int i = 0; i < n; i++) {
				TokenWindows windows = tokenizer.windowsOf(tokenizer.tokenize(texts.get(i)), window,
						TrainStatic.overlap(window), TrainStatic.maxWindows(window));
				features[i] = pooling.embed(windows);
			}
		}
		TrainHead.Heuristics heuristics = TrainHead.Heuristics.of(rows);
		Map<String, Double> kFold = OnnxPromptInjectionSection.readOutOfFold(SourceHoldout.class.getClassLoader(),
				OnnxPromptInjectionSection.STATIC_OOF_RESOURCE);
		double[] oof = new double[n];
		for (int i = 0; i < n; i++) {
			oof[i] = kFold.get(EmbeddingCache.key(texts.get(i)));
		}
		TrainHead.Fusion kFoldFusion = new TrainHead.Fusion(heuristics, oof, positive);
		Map<String, Integer> sizes = new TreeMap<>();
		for (String f : family) {
			sizes.merge(f, 1, Integer::sum);
		}
		System.out.printf("%d rows, %d families, static %s%n", n, sizes.size(), name);
		System.out.printf("%-34s %5s %6s %-4s %8s %8s %8s %8s%n", "held-out family", "rows", "label", "rate", "heur",
				"static", "fused", "t");
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		Map<String, Future<String>> lines = new LinkedHashMap<>();
		for (String held : sizes.keySet()) {
			lines.put(held, pool.submit(() -> {
				boolean[] train = new boolean[n];
				for (int i = 0; i < n; i++) {
					train[i] = !family[i].equals(held);
				}
				ClassificationHead head = TrainHead.fit(
						new HeadTrainer(hidden, 40, 1e-3, (hidden > 0) ? 3e-3 : 1e-2, 42), features, positive, train,
						TrainStatic.NAME);
				double threshold = kFoldFusion.chooseThreshold(train);
				double[] probability = new double[n];
				for (int i = 0; i < n; i++) {
					probability[i] = train[i] ? oof[i] : TrainHead.score(head, features[i]);
				}
				boolean[] fused = new TrainHead.Fusion(heuristics, probability, positive).flags(threshold);
				long count = 0;
				long attacks = 0;
				long byHeuristics = 0;
				long byStatic = 0;
				long byFused = 0;
				for (int i = 0; i < n; i++) {
					if (!train[i]) {
						count++;
						attacks += positive[i] ? 1 : 0;
						byHeuristics += heuristics.blocked[i] ? 1 : 0;
						byStatic += (probability[i] >= threshold) ? 1 : 0;
						byFused += fused[i] ? 1 : 0;
					}
				}
				String label = (attacks == count) ? "attack" : (attacks == 0) ? "benign" : "mixed";
				String line = String.format("%-34s %5d %6s %-4s %8.4f %8.4f %8.4f %8.5f", held, count, label,
						"attack".equals(label) ? "TPR" : "FPR", (double) byHeuristics / count,
						(double) byStatic / count, (double) byFused / count, threshold);
				System.out.println(line);
				return line;
			}));
		}
		pool.shutdown();
		System.out.println("--- summary ---");
		for (Future<String> line : lines.values()) {
			System.out.println(line.get());
		}
	}

}
