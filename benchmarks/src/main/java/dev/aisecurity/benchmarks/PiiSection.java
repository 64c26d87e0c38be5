package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import dev.aisecurity.benchmarks.pii.PiiEvaluation;

/**
 * PII evaluation over {@code pii.jsonl}: per-type and micro precision and recall of the
 * default PII analyzer, scored only on each row's annotated types.
 */
public final class PiiSection implements EvaluationSection {

	private final PiiEvaluation evaluation;

	public PiiSection() {
		this(new PiiEvaluation());
	}

	public PiiSection(PiiEvaluation evaluation) {
		this.evaluation = evaluation;
	}

	@Override
	public String fileName() {
		return PiiEvaluation.FILE;
	}

	@Override
	public String key() {
		return "pii";
	}

	@Override
	public Map<String, Object> evaluate(Path file) throws IOException {
		return this.evaluation.evaluate(file);
	}

	@Override
	public void print(Map<String, Object> results, PrintStream out) {
		out.println(key());
		out.printf("  %-28s %6s %6s %6s %9s %7s%n", "type", "tp", "fp", "fn", "precision", "recall");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> byType = (Map<String, Map<String, Object>>) results.get("by_type");
		byType.forEach((type, c) -> out.printf("  %-28s %6s %6s %6s %9s %7s%n", type, c.get("tp"), c.get("fp"),
				c.get("fn"), c.get("precision"), c.get("recall")));
		out.printf("  %-28s %s%n", "micro", results.get("micro"));
		out.printf("  %-28s %s%n", "all_entities", results.get("all_entities"));
		out.printf("  %-28s %s%n", "unsupported_types", results.get("unsupported_types"));
	}

}
