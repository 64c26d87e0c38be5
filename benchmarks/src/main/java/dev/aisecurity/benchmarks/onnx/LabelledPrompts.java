package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.guard.GuardText;
import tools.jackson.databind.JsonNode;

/**
 * The rows of a prompt-injection file as the classifier tools read them: each text
 * sanitised as the guard does, whether it is an attack ({@code injection} or
 * {@code jailbreak}) and its category.
 *
 * @param rows the rows as read
 * @param texts the sanitised texts
 * @param positive whether each row is an attack
 * @param categories each row's category, {@code (none)} when it has none
 */
record LabelledPrompts(List<JsonNode> rows, List<String> texts, boolean[] positive, String[] categories) {

	static LabelledPrompts read(Path data) throws IOException {
		List<JsonNode> rows = JsonLines.read(data);
		int n = rows.size();
		List<String> texts = new ArrayList<>(n);
		boolean[] positive = new boolean[n];
		String[] categories = new String[n];
		for (int i = 0; i < n; i++) {
			JsonNode row = rows.get(i);
			texts.add(GuardText.of(JsonLines.text(row, "text", "")).sanitized());
			String label = JsonLines.text(row, "label", "");
			positive[i] = "injection".equals(label) || "jailbreak".equals(label);
			categories[i] = JsonLines.text(row, "category", "(none)");
		}
		return new LabelledPrompts(rows, texts, positive, categories);
	}

	int size() {
		return this.rows.size();
	}

	/** Each row's source family ({@link SourceHoldout#family}). */
	String[] families() {
		String[] families = new String[this.categories.length];
		for (int i = 0; i < families.length; i++) {
			families[i] = SourceHoldout.family(this.categories[i]);
		}
		return families;
	}

}
