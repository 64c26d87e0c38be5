package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import tools.jackson.databind.JsonNode;

/**
 * Prompt-injection evaluation over {@code prompt_injection.jsonl}: positives are rows
 * labelled {@code injection} or {@code jailbreak}, a row is flagged when the default
 * input pipeline blocks it. Reports recall (TPR), false-positive rate, balanced accuracy
 * and the flagged rate per category.
 */
public final class PromptInjectionSection implements EvaluationSection {

	private final String key;

	private final GuardPipeline pipeline;

	public PromptInjectionSection() {
		this(GuardPipelines.defaultInput());
	}

	public PromptInjectionSection(GuardPipeline pipeline) {
		this("prompt_injection", pipeline);
	}

	/**
	 * A section under another key, for another pipeline configuration in the same shape.
	 */
	public PromptInjectionSection(String key, GuardPipeline pipeline) {
		this.key = key;
		this.pipeline = pipeline;
	}

	@Override
	public String fileName() {
		return "prompt_injection.jsonl";
	}

	@Override
	public String key() {
		return this.key;
	}

	static boolean isPositive(String label) {
		return "injection".equals(label) || "jailbreak".equals(label);
	}

	@Override
	public Map<String, Object> evaluate(Path file) throws IOException {
		List<JsonNode> rows = JsonLines.read(file);
		long positives = 0;
		long truePositives = 0;
		long negatives = 0;
		long falsePositives = 0;
		Map<String, long[]> categories = new TreeMap<>();
		for (JsonNode row : rows) {
			String text = JsonLines.text(row, "text", "");
			String label = JsonLines.text(row, "label", "");
			String category = JsonLines.text(row, "category", "(none)");
			boolean flagged = this.pipeline.scan(text).isBlocked();
			long[] counts = categories.computeIfAbsent(category, (name) -> new long[2]);
			counts[0]++;
			if (flagged) {
				counts[1]++;
			}
			if (isPositive(label)) {
				positives++;
				truePositives += flagged ? 1 : 0;
			}
			else {
				negatives++;
				falsePositives += flagged ? 1 : 0;
			}
		}
		double tpr = ratio(truePositives, positives);
		double fpr = ratio(falsePositives, negatives);
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("rows", rows.size());
		results.put("tpr", round(tpr));
		results.put("fpr", round(fpr));
		results.put("balanced_accuracy", round((tpr + (1 - fpr)) / 2));
		Map<String, Object> byCategory = new LinkedHashMap<>();
		categories.forEach((category, counts) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("rows", counts[0]);
			entry.put("flagged_rate", round(ratio(counts[1], counts[0])));
			byCategory.put(category, entry);
		});
		results.put("by_category", byCategory);
		return results;
	}

	private static double ratio(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

	private static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void print(Map<String, Object> results, PrintStream out) {
		out.printf("%s: rows=%s  tpr=%s  fpr=%s  balanced_accuracy=%s%n", key(), results.get("rows"),
				results.get("tpr"), results.get("fpr"), results.get("balanced_accuracy"));
		out.printf("  %-52s %6s %9s%n", "category", "rows", "flagged");
		Map<String, Object> byCategory = (Map<String, Object>) results.get("by_category");
		byCategory.forEach((category, value) -> {
			Map<String, Object> entry = (Map<String, Object>) value;
			out.printf("  %-52s %6s %8.1f%%%n", category, entry.get("rows"),
					((Number) entry.get("flagged_rate")).doubleValue() * 100);
		});
	}

}
