package dev.aisecurity.benchmarks.rag;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.aisecurity.benchmarks.EvaluationSection;
import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.document.DocumentGuard;
import tools.jackson.databind.JsonNode;

/**
 * Indirect prompt injection over {@code indirect_injection.jsonl}: documents (e-mails,
 * tables, code) labelled {@code injected} or {@code clean}. A document is flagged when
 * the default document guard (the one the RAG ingestion and retrieval guards use) drops
 * it or removes instructions from it. Reports TPR, FPR, balanced accuracy and the flagged
 * rate per task and per attack category.
 */
public final class IndirectInjectionSection implements EvaluationSection {

	private final DocumentGuard guard;

	public IndirectInjectionSection() {
		this(DocumentGuard.withDefaults());
	}

	public IndirectInjectionSection(DocumentGuard guard) {
		this.guard = guard;
	}

	@Override
	public String fileName() {
		return "indirect_injection.jsonl";
	}

	@Override
	public String key() {
		return "indirect_injection";
	}

	@Override
	public Map<String, Object> evaluate(Path file) throws IOException {
		List<JsonNode> rows = JsonLines.read(file);
		long positives = 0;
		long truePositives = 0;
		long negatives = 0;
		long falsePositives = 0;
		Map<String, long[]> byTask = new TreeMap<>();
		Map<String, long[]> byCategory = new TreeMap<>();
		for (JsonNode row : rows) {
			String label = JsonLines.text(row, "label", "");
			boolean injected = "injected".equals(label);
			boolean flagged = this.guard.scan(JsonLines.text(row, "text", ""), ScanContext.input()).flagged();
			count(byTask, JsonLines.text(row, "task", "(none)") + "/" + (injected ? "injected" : "clean"), flagged);
			if (injected) {
				count(byCategory, JsonLines.text(row, "attack_category", "(none)"), flagged);
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
		Map<String, Object> categories = new LinkedHashMap<>();
		categories.put("task", rates(byTask));
		categories.put("attack_category", rates(byCategory));
		results.put("by_category", categories);
		return results;
	}

	private static void count(Map<String, long[]> counts, String key, boolean flagged) {
		long[] entry = counts.computeIfAbsent(key, (k) -> new long[2]);
		entry[0]++;
		entry[1] += flagged ? 1 : 0;
	}

	private static Map<String, Object> rates(Map<String, long[]> counts) {
		Map<String, Object> rates = new LinkedHashMap<>();
		counts.forEach((key, entry) -> {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("rows", entry[0]);
			value.put("flagged_rate", round(ratio(entry[1], entry[0])));
			rates.put(key, value);
		});
		return rates;
	}

	static double ratio(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

	static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void print(Map<String, Object> results, PrintStream out) {
		out.printf("indirect_injection: rows=%s  tpr=%s  fpr=%s  balanced_accuracy=%s%n", results.get("rows"),
				results.get("tpr"), results.get("fpr"), results.get("balanced_accuracy"));
		Map<String, Object> categories = (Map<String, Object>) results.get("by_category");
		categories.forEach((dimension, value) -> ((Map<String, Object>) value).forEach((name, entry) -> {
			Map<String, Object> counts = (Map<String, Object>) entry;
			out.printf("  %-16s %-36s %6s %8.1f%%%n", dimension, name, counts.get("rows"),
					((Number) counts.get("flagged_rate")).doubleValue() * 100);
		}));
	}

}
