package dev.aisecurity.benchmarks.rag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.benchmarks.DetectionRates;
import dev.aisecurity.benchmarks.EvaluationSection;
import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.indirect.SystemPromptContextClassifier;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.injection.PromptInjectionSettings;
import tools.jackson.databind.JsonNode;

/**
 * Prompt injection judged with the system prompt as context, over
 * {@code prompt_injection_contextual.jsonl} ({@code text}, {@code system_prompt}, label
 * {@code injection}): the default input pipeline, its prompt-injection scanner fusing the
 * {@link SystemPromptContextClassifier}, scans each text with the row's system prompt in
 * its {@link ScanContext}. Reports the share of rows blocked (TPR).
 */
public final class ContextualPromptInjectionSection implements EvaluationSection {

	private final GuardPipeline pipeline;

	public ContextualPromptInjectionSection() {
		this(contextualInput());
	}

	public ContextualPromptInjectionSection(GuardPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * The default input pipeline with the system-prompt classifier fused into its
	 * prompt-injection scanner.
	 */
	public static GuardPipeline contextualInput() {
		List<Scanner> scanners = new ArrayList<>();
		for (Scanner scanner : GuardPipelines.defaultInputScanners()) {
			scanners.add((scanner instanceof PromptInjectionScanner) ? new PromptInjectionScanner(
					PromptInjectionSettings.defaults(), List.of(new SystemPromptContextClassifier())) : scanner);
		}
		return GuardPipeline.builder().direction(Direction.INPUT).scanners(scanners).build();
	}

	@Override
	public String fileName() {
		return "prompt_injection_contextual.jsonl";
	}

	@Override
	public String key() {
		return "prompt_injection_contextual";
	}

	@Override
	public Map<String, Object> evaluate(Path file) throws IOException {
		List<JsonNode> rows = JsonLines.read(file);
		DetectionRates rates = new DetectionRates();
		for (JsonNode row : rows) {
			if (!"injection".equals(JsonLines.text(row, "label", "injection"))) {
				continue;
			}
			ScanContext context = ScanContext.input().withSystemPrompt(JsonLines.text(row, "system_prompt", null));
			rates.add(true, this.pipeline.scan(JsonLines.text(row, "text", ""), context).isBlocked());
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("rows", rows.size());
		results.put("tpr", DetectionRates.round(rates.tpr()));
		return results;
	}

}
