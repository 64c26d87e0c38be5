package dev.aisecurity.benchmarks.secrets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
		long positives = 0;
		long truePositives = 0;
		long negatives = 0;
		long falsePositives = 0;
		Map<String, long[]> byType = new TreeMap<>();
		for (JsonNode row : rows) {
			String text = JsonLines.text(row, "text", "");
			String type = JsonLines.text(row, "secret_type", null);
			boolean flagged = flagsSecret(this.pipeline.scan(text));
			if (type != null) {
				positives++;
				if (flagged) {
					truePositives++;
				}
				long[] counts = byType.computeIfAbsent(type, (name) -> new long[2]);
				counts[0]++;
				if (flagged) {
					counts[1]++;
				}
			}
			else {
				negatives++;
				if (flagged) {
					falsePositives++;
				}
			}
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("rows", rows.size());
		results.put("tpr", rate(truePositives, positives));
		results.put("fpr", rate(falsePositives, negatives));
		results.put("positives", positives);
		results.put("negatives", negatives);
		Map<String, Object> types = new LinkedHashMap<>();
		byType.forEach((type, counts) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("rows", counts[0]);
			entry.put("flagged_rate", rate(counts[1], counts[0]));
			types.put(type, entry);
		});
		results.put("by_type", types);
		return results;
	}

	static boolean flagsSecret(Verdict verdict) {
		return verdict.findings().stream().anyMatch((finding) -> SecretScanner.CATEGORY.equals(finding.category()));
	}

	private static double rate(long count, long total) {
		return (total == 0) ? 0 : Math.round(count * 10000.0 / total) / 10000.0;
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
