package dev.aisecurity.benchmarks.secrets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.benchmarks.DetectionRates;
import dev.aisecurity.benchmarks.EvaluationSection;
import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.secrets.SecretScanner;
import tools.jackson.databind.JsonNode;

/**
 * Secret detection over {@code secrets.jsonl}: a row is positive when its
 * {@code secret_type} is set, and flagged when the default output pipeline redacts or
 * blocks a secret in it (a finding of category {@value SecretScanner#CATEGORY}). Reports
 * rows, true- and false-positive rates, and the flagged rate per secret type and per rule
 * a negative row was written against.
 */
public final class SecretsEvaluation implements EvaluationSection {

	private final GuardPipeline pipeline;

	public SecretsEvaluation() {
		this(GuardPipelines.defaultOutput());
	}

	public SecretsEvaluation(GuardPipeline pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public String fileName() {
		return "secrets.jsonl";
	}

	@Override
	public String key() {
		return "secrets";
	}

	@Override
	public Map<String, Object> evaluate(Path file) throws IOException {
		List<JsonNode> rows = JsonLines.read(file);
		DetectionRates rates = new DetectionRates();
		DetectionRates.ByGroup byType = new DetectionRates.ByGroup();
		for (JsonNode row : rows) {
			String type = JsonLines.text(row, "secret_type", null);
			boolean flagged = flagsSecret(this.pipeline.scan(JsonLines.text(row, "text", "")));
			if (type != null) {
				byType.add(type, flagged);
			}
			rates.add(type != null, flagged);
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("rows", rows.size());
		results.put("tpr", DetectionRates.round(rates.tpr()));
		results.put("fpr", DetectionRates.round(rates.fpr()));
		results.put("positives", rates.positives());
		results.put("negatives", rates.negatives());
		Map<String, Object> types = byType.toMap();
		results.put("by_type", types);
		return results;
	}

	static boolean flagsSecret(Verdict verdict) {
		return verdict.findings().stream().anyMatch((finding) -> SecretScanner.CATEGORY.equals(finding.category()));
	}

	@Override
	public void print(Map<String, Object> results, java.io.PrintStream out) {
		out.println(key());
		out.printf("  %-28s %s%n", "rows", results.get("rows"));
		out.printf("  %-28s %s%n", "tpr", results.get("tpr"));
		out.printf("  %-28s %s%n", "fpr", results.get("fpr"));
		Object types = results.get("by_type");
		if (types instanceof Map<?, ?> map) {
			map.forEach((type, entry) -> out.printf("    %-34s %s%n", type, entry));
		}
	}

}
