package dev.aisecurity.benchmarks;

import java.util.List;

/**
 * The registered evaluation sections, in report order.
 */
public final class EvaluationSections {

	private EvaluationSections() {
	}

	public static List<EvaluationSection> all() {
		return List.of(
				// One line per section
				new PromptInjectionSection(), new dev.aisecurity.benchmarks.secrets.SecretsEvaluation(),
				new PiiSection(), new dev.aisecurity.benchmarks.rag.IndirectInjectionSection(),
				new dev.aisecurity.benchmarks.rag.ContextualPromptInjectionSection());
	}

}
