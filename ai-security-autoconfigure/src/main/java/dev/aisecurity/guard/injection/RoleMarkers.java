package dev.aisecurity.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * Spots fake conversation structure in a normalised text: chat-template control tokens,
 * role headers and labels that pretend a new system or assistant turn begins, and fake
 * end-of-prompt separators. Role labels such as {@code system:} count only at the start
 * of a line, where a transcript would put them. Each distinct marker adds its weight
 * (noisy-OR).
 */
final class RoleMarkers {

	static final RoleMarkers DEFAULT = new RoleMarkers();

	private final LiteralMatcher matcher;

	private final double[] weights;

	private final boolean[] lineStart;

	private final List<String> patterns = new ArrayList<>();

	private final List<Double> weightList = new ArrayList<>();

	private final List<Boolean> lineStartList = new ArrayList<>();

	private RoleMarkers() {
		// Control tokens of real chat templates: never typed by an honest user
		add(0.8, false, "<|im_start|>", "<|im_end|>", "<|im_sep|>", "<|system|>", "<|user|>", "<|assistant|>",
				"<|endoftext|>", "<|eot_id|>", "<|start_header_id|>", "<|end_header_id|>", "<|begin_of_text|>",
				"<|prompter|>", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>",
				"<|end|>", "<|user_start|>", "<|model|>");
		// Markup that imitates a prompt's structure
		add(0.45, false, "</s>", "### instruction", "### system", "### response", "### human", "### assistant",
				"### new instruction", "[system]", "[/system]", "<system>", "</system>", "{system}", "(system)",
				"[system message]", "[system note", "[admin]", "[developer]", "{{system}}", "<instructions>",
				"</instructions>", "</user>", "<assistant>", "</assistant>", "</prompt>", "<|", "|>", "[end of",
				"end of prompt", "end of system prompt", "end of instructions", "end of input", "end of user input",
				"end of document", "end of context", "prompt ends here", "instructions end here",
				"begin new instructions", "=== end", "--- end", "end ===", "end ---");
		// Role labels at the start of a line
		add(0.45, true, "system:", "system message:", "system prompt:", "system note:", "[system]:", "sys:");
		add(0.3, true, "assistant:", "admin:", "developer:", "administrator:", "root:", "instruction:", "instructions:",
				"new instructions:", "chatgpt:", "gpt:", "bot:");
		add(0.2, true, "user:", "human:", "ai:", "model:", "response:", "output:", "answer:");
		this.matcher = new LiteralMatcher(this.patterns);
		this.weights = this.weightList.stream().mapToDouble(Double::doubleValue).toArray();
		this.lineStart = new boolean[this.lineStartList.size()];
		for (int i = 0; i < this.lineStart.length; i++) {
			this.lineStart[i] = this.lineStartList.get(i);
		}
	}

	private void add(double weight, boolean atLineStart, String... markers) {
		for (String marker : markers) {
			this.patterns.add(marker);
			this.weightList.add(weight);
			this.lineStartList.add(atLineStart);
		}
	}

	/**
	 * Noisy-OR of the weights of the distinct markers found.
	 */
	double score(String normalized) {
		boolean[] seen = new boolean[this.weights.length];
		double[] miss = { 1 };
		this.matcher.scan(normalized, (pattern, end) -> {
			if (seen[pattern]) {
				return true;
			}
			int start = end - this.matcher.patternLength(pattern);
			if (this.lineStart[pattern] && !atLineStart(normalized, start)) {
				return true;
			}
			seen[pattern] = true;
			miss[0] *= 1 - this.weights[pattern];
			return true;
		});
		return 1 - miss[0];
	}

	private static boolean atLineStart(String text, int start) {
		if (start > 0) {
			char before = text.charAt(start - 1);
			if (Character.isLetterOrDigit(before)) {
				return false;
			}
		}
		for (int i = start - 1; i >= Math.max(0, start - 8); i--) {
			char c = text.charAt(i);
			if (c == '\n') {
				return true;
			}
			if (c != ' ' && c != '\t' && c != '#' && c != '*' && c != '>' && c != '-' && c != '[' && c != '(') {
				return false;
			}
		}
		return start <= 8;
	}

}
