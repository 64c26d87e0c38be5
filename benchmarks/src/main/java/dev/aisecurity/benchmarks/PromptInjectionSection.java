package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		DetectionRates rates = new DetectionRates();
		DetectionRates.ByGroup categories = new DetectionRates.ByGroup();
		for (JsonNode row : rows) {
			boolean flagged = this.pipeline.scan(JsonLines.text(row, "text", "")).isBlocked();
			categories.add(JsonLines.text(row, "category", "(none)"), flagged);
			rates.add(isPositive(JsonLines.text(row, "label", "")), flagged);
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("rows", rows.size());
		rates.putRates(results);
		results.put("by_category", categories.toMap());
		return results;
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
