package dev.aisecurity.benchmarks.rag;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.benchmarks.DetectionRates;
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
		DetectionRates rates = new DetectionRates();
		DetectionRates.ByGroup byTask = new DetectionRates.ByGroup();
		DetectionRates.ByGroup byCategory = new DetectionRates.ByGroup();
		for (JsonNode row : rows) {
			boolean injected = "injected".equals(JsonLines.text(row, "label", ""));
			boolean flagged = this.guard.scan(JsonLines.text(row, "text", ""), ScanContext.input()).flagged();
			byTask.add(JsonLines.text(row, "task", "(none)") + "/" + (injected ? "injected" : "clean"), flagged);
			if (injected) {
				byCategory.add(JsonLines.text(row, "attack_category", "(none)"), flagged);
			}
			rates.add(injected, flagged);
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("rows", rows.size());
		rates.putRates(results);
		Map<String, Object> categories = new LinkedHashMap<>();
		categories.put("task", byTask.toMap());
		categories.put("attack_category", byCategory.toMap());
		results.put("by_category", categories);
		return results;
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
