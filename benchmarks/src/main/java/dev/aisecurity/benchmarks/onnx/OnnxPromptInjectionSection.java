package dev.aisecurity.benchmarks.onnx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

import ai.onnxruntime.OrtException;
import dev.aisecurity.benchmarks.EvaluationSection;
import dev.aisecurity.benchmarks.PromptInjectionSection;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.injection.PromptInjectionClassifier;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.injection.PromptInjectionSettings;
import dev.aisecurity.autoconfigure.onnx.OnnxClassifierProperties;
import dev.aisecurity.benchmarks.jmh.OnnxClassifierBenchmark;
import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;
import dev.aisecurity.onnx.StaticTier;

/**
 * The prompt-injection evaluation with the ONNX classifier in its default configuration
 * (the cascade: static tier, uncertain band escalated to the transformer) fused into the
 * default input pipeline, under the key {@code prompt_injection_onnx}, in the shape of
 * {@code prompt_injection}.
 * <p>
 * Honest figures on the training file: for every row the heads were trained on
 * (recognised by the SHA-256 of its sanitised text in the out-of-fold tables that
 * {@link TrainStatic} and {@link TrainHead} write), each tier's probability is that row's
 * out-of-fold probability, from a head that never saw the row's near-duplicate group, and
 * the cascade's rule (the static tier's band) decides which one counts; every other row
 * (a held-out file) runs the real cascade. The results say how many rows took which path
 * ({@code scores_out_of_fold}, {@code scores_from_model}) and how many were escalated.
 */
public final class OnnxPromptInjectionSection implements EvaluationSection {

	static final String OOF_RESOURCE = "dev/aisecurity/benchmarks/onnx/oof-" + DefaultModel.QUANTIZED.baseName()
			+ ".tsv";

	static final String STATIC_OOF_RESOURCE = "dev/aisecurity/benchmarks/onnx/oof-" + TrainStatic.NAME + ".tsv";

	@Override
	public String fileName() {
		return "prompt_injection.jsonl";
	}

	@Override
	public String key() {
		return "prompt_injection_onnx";
	}

	/** Whether the default model and its head are on the classpath. */
	public static boolean isAvailable() {
		ClassLoader loader = OnnxPromptInjectionSection.class.getClassLoader();
		return DefaultModel.QUANTIZED.isAvailable(loader)
				&& loader.getResource(DefaultModel.QUANTIZED.headResource()) != null
				&& loader.getResource(DefaultModel.staticTableResource()) != null;
	}

	@Override
	public Map<String, Object> evaluate(Path file) throws IOException {
		ClassLoader loader = getClass().getClassLoader();
		ClassifierMode mode = new OnnxClassifierProperties().getMode();
		try (OnnxPromptInjectionClassifier classifier = OnnxClassifierBenchmark.classifier(mode)) {
			OutOfFold outOfFold = new OutOfFold(readOutOfFold(loader, STATIC_OOF_RESOURCE),
					readOutOfFold(loader, OOF_RESOURCE), classifier);
			List<Scanner> scanners = new ArrayList<>();
			for (Scanner scanner : GuardPipelines.defaultInputScanners()) {
				scanners.add((scanner instanceof PromptInjectionScanner)
						? new PromptInjectionScanner(PromptInjectionSettings.defaults(), List.of(outOfFold)) : scanner);
			}
			GuardPipeline pipeline = GuardPipeline.builder().scanners(scanners).build();
			Map<String, Object> results = new LinkedHashMap<>(
					new PromptInjectionSection(key(), pipeline).evaluate(file));
			results.put("model", describe(mode, classifier));
			results.put("scores_out_of_fold", outOfFold.fromTable.get());
			results.put("scores_from_model", outOfFold.fromModel.get());
			results.put("escalated", outOfFold.escalated.get() + classifier.escalations());
			return results;
		}
		catch (OrtException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(ClassifierMode mode, OnnxPromptInjectionClassifier classifier) {
		StringBuilder description = new StringBuilder(DefaultModel.QUANTIZED.baseName()).append(' ')
			.append(mode.name().toLowerCase(java.util.Locale.ROOT))
			.append(':');
		StaticTier tier = classifier.staticTier();
		if (tier != null) {
			description.append(" static tier (").append(tier.calibration().describe()).append(')');
			if (classifier.scorer() != null) {
				description.append(", escalation band -")
					.append(tier.lower())
					.append("/+")
					.append(tier.upper())
					.append(" log-odds to");
			}
		}
		if (classifier.scorer() != null) {
			description.append(" transformer head (threshold ")
				.append(classifier.calibration().threshold())
				.append(')');
		}
		return description.toString();
	}

	/**
	 * Every text's probability from a score table on the classpath, in the texts' order.
	 * @param remedy what to run when a text has no score
	 * @throws IllegalStateException if a text has no score in the table
	 */
	static double[] scoresOf(ClassLoader loader, String resource, List<String> texts, String remedy) {
		Map<String, Double> table = readOutOfFold(loader, resource);
		double[] scores = new double[texts.size()];
		for (int i = 0; i < scores.length; i++) {
			Double p = table.get(EmbeddingCache.key(texts.get(i)));
			if (p == null) {
				throw new IllegalStateException("Row " + i + " has no score in " + resource + "; " + remedy);
			}
			scores[i] = p;
		}
		return scores;
	}

	static Map<String, Double> readOutOfFold(ClassLoader loader, String resource) {
		Map<String, Double> table = new HashMap<>();
		InputStream in = loader.getResourceAsStream(resource);
		if (in == null) {
			return table;
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				int tab = line.indexOf('\t');
				if (!line.startsWith("#") && tab > 0) {
					table.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return table;
	}

	@Override
	public void print(Map<String, Object> results, PrintStream out) {
		new PromptInjectionSection(key(), GuardPipeline.builder().build()).print(results, out);
		out.printf("  scores: %s out-of-fold (rows the heads were trained on), %s from the model; %s escalated%n",
				results.get("scores_out_of_fold"), results.get("scores_from_model"), results.get("escalated"));
	}

	/**
	 * The cascade over out-of-fold probabilities for a training row, or the real cascade
	 * for any other text.
	 */
	static final class OutOfFold implements PromptInjectionClassifier {

		private final Map<String, Double> staticTable;

		private final Map<String, Double> transformerTable;

		private final OnnxPromptInjectionClassifier model;

		final AtomicLong fromTable = new AtomicLong();

		final AtomicLong fromModel = new AtomicLong();

		final AtomicLong escalated = new AtomicLong();

		OutOfFold(Map<String, Double> staticTable, Map<String, Double> transformerTable,
				OnnxPromptInjectionClassifier model) {
			this.staticTable = staticTable;
			this.transformerTable = transformerTable;
			this.model = model;
		}

		@Override
		public OptionalDouble score(GuardText text, ScanContext context) {
			String key = EmbeddingCache.key(text.sanitized());
			Double fast = this.staticTable.get(key);
			Double slow = this.transformerTable.get(key);
			StaticTier tier = this.model.staticTier();
			if (tier != null && fast != null && (this.model.scorer() == null || tier.decides(fast))) {
				this.fromTable.incrementAndGet();
				return OptionalDouble.of(tier.calibration().apply(fast));
			}
			if (this.model.scorer() != null && slow != null && (tier == null || fast != null)) {
				this.fromTable.incrementAndGet();
				this.escalated.addAndGet((tier != null) ? 1 : 0);
				return OptionalDouble.of(this.model.calibration().apply(slow));
			}
			this.fromModel.incrementAndGet();
			return this.model.score(text, context);
		}

	}

}
