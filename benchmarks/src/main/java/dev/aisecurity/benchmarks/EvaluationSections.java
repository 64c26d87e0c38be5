package dev.aisecurity.benchmarks;

import java.util.List;

/**
 * The registered evaluation sections, in report order.
 */
public final class EvaluationSections {

	private EvaluationSections() {
	}

	public static List<EvaluationSection> all() {
		List<EvaluationSection> sections = new java.util.ArrayList<>(List.of(
				// One line per section
				new PromptInjectionSection(), new dev.aisecurity.benchmarks.secrets.SecretsEvaluation(),
				new PiiSection(), new dev.aisecurity.benchmarks.rag.IndirectInjectionSection(),
				new dev.aisecurity.benchmarks.rag.ContextualPromptInjectionSection()));
		// The ONNX classifier beside the heuristics, when its model is on the classpath
		if (dev.aisecurity.benchmarks.onnx.OnnxPromptInjectionSection.isAvailable()) {
			sections.add(1, new dev.aisecurity.benchmarks.onnx.OnnxPromptInjectionSection());
		}
		return List.copyOf(sections);
	}

}
