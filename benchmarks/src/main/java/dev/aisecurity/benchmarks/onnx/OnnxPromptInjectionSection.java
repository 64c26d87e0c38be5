package dev.aisecurity.benchmarks.onnx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import dev.aisecurity.onnx.ClassificationHead;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;
import dev.aisecurity.onnx.ScoreCalibration;
import dev.aisecurity.onnx.TimeoutPolicy;

/**
 * The prompt-injection evaluation with the ONNX classifier (default model) fused into the
 * default input pipeline, under the key {@code prompt_injection_onnx}, in the shape of
 * {@code prompt_injection}.
 * <p>
 * Honest figures on the training file: for every row the default head was trained on
 * (recognised by the SHA-256 of its sanitised text in the out-of-fold table that
 * {@link TrainHead} writes), the classifier's score is that row's out-of-fold
 * probability, from a head that never saw the row's near-duplicate group; every other row
 * (a held-out file) runs the real model. The results say how many rows took which path
 * ({@code scores_out_of_fold}, {@code scores_from_model}).
 */
public final class OnnxPromptInjectionSection implements EvaluationSection {

	static final String OOF_RESOURCE = "dev/aisecurity/benchmarks/onnx/oof-" + DefaultModel.QUANTIZED.baseName()
			+ ".tsv";

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
				&& loader.getResource(DefaultModel.QUANTIZED.headResource()) != null;
	}

	@Override
	public Map<String, Object> evaluate(Path file) throws IOException {
		ClassLoader loader = getClass().getClassLoader();
		DefaultModel model = DefaultModel.QUANTIZED;
		ClassificationHead head = model.head(loader);
		ScoreCalibration calibration = new ScoreCalibration(head.threshold(),
				PromptInjectionSettings.DEFAULT_THRESHOLD);
		try (OnnxPromptInjectionClassifier classifier = new OnnxPromptInjectionClassifier(
				model.tokenizer(loader, Embeddings.WINDOW_TOKENS, Embeddings.OVERLAP_TOKENS, Embeddings.MAX_WINDOWS),
				model.scorer(loader, 1), calibration, Duration.ofMinutes(5), TimeoutPolicy.FAIL_CLOSED, 1)) {
			OutOfFold outOfFold = new OutOfFold(readOutOfFold(loader), classifier, calibration);
			List<Scanner> scanners = new ArrayList<>();
			for (Scanner scanner : GuardPipelines.defaultInputScanners()) {
				scanners.add((scanner instanceof PromptInjectionScanner)
						? new PromptInjectionScanner(PromptInjectionSettings.defaults(), List.of(outOfFold)) : scanner);
			}
			GuardPipeline pipeline = GuardPipeline.builder().scanners(scanners).build();
			Map<String, Object> results = new LinkedHashMap<>(
					new PromptInjectionSection(key(), pipeline).evaluate(file));
			results.put("model", model.baseName() + " + head (threshold " + head.threshold() + ")");
			results.put("scores_out_of_fold", outOfFold.fromTable.get());
			results.put("scores_from_model", outOfFold.fromModel.get());
			return results;
		}
		catch (OrtException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Double> readOutOfFold(ClassLoader loader) {
		Map<String, Double> table = new HashMap<>();
		InputStream in = loader.getResourceAsStream(OOF_RESOURCE);
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
		out.printf("  scores: %s out-of-fold (rows the head was trained on), %s from the model%n",
				results.get("scores_out_of_fold"), results.get("scores_from_model"));
	}

	/**
	 * The out-of-fold probability of a training row, or the model's for any other text.
	 */
	static final class OutOfFold implements PromptInjectionClassifier {

		private final Map<String, Double> table;

		private final OnnxPromptInjectionClassifier model;

		private final ScoreCalibration calibration;

		final AtomicLong fromTable = new AtomicLong();

		final AtomicLong fromModel = new AtomicLong();

		OutOfFold(Map<String, Double> table, OnnxPromptInjectionClassifier model, ScoreCalibration calibration) {
			this.table = table;
			this.model = model;
			this.calibration = calibration;
		}

		@Override
		public OptionalDouble score(GuardText text, ScanContext context) {
			Double oof = this.table.get(EmbeddingCache.key(text.sanitized()));
			if (oof != null) {
				this.fromTable.incrementAndGet();
				return OptionalDouble.of(this.calibration.apply(oof));
			}
			this.fromModel.incrementAndGet();
			return this.model.score(text, context);
		}

	}

}
