package dev.aisecurity.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * Spots fake conversation structure in a normalised text: chat-template control tokens,
 * role headers and labels that pretend a new system or assistant turn begins. Role labels
 * such as {@code system:} count only at the start of a line, where a transcript would put
 * them. Each distinct marker adds its weight (noisy-OR). Markers are only tried where one
 * can start (at {@code < [ # { (} and at line starts), so ordinary prose costs one
 * comparison per character. Fake end-of-prompt phrases are matched with the other phrases
 * by {@link PhraseAnalyzer}.
 */
final class RoleMarkers {

	static final RoleMarkers DEFAULT = new RoleMarkers();

	private final List<String> markers = new ArrayList<>();

	private final List<Double> markerWeights = new ArrayList<>();

	/** Marker indexes by their first two characters, so most brackets cost nothing. */
	private final int[][][] byPrefix = new int[128][128][];

	private final List<String> labels = new ArrayList<>();

	private final List<Double> labelWeights = new ArrayList<>();

	private RoleMarkers() {
		// Control tokens of real chat templates: never typed by an honest user
		marker(0.8, "<|im_start|>", "<|im_end|>", "<|im_sep|>", "<|system|>", "<|user|>", "<|assistant|>",
				"<|endoftext|>", "<|eot_id|>", "<|start_header_id|>", "<|end_header_id|>", "<|begin_of_text|>",
				"<|prompter|>", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>",
				"<|end|>", "<|model|>");
		// Markup that imitates a prompt's structure
		marker(0.45, "</s>", "### instruction", "### system", "### response", "### human", "### assistant",
				"### new instruction", "[system]", "[/system]", "<system>", "</system>", "{system}", "(system)",
				"[system message]", "[system note", "[admin]", "[developer]", "{{system}}", "<instructions>",
				"</instructions>", "</user>", "<assistant>", "</assistant>", "</prompt>", "[end of", "<|");
		// Role labels at the start of a line
		label(0.45, "system:", "system message:", "system prompt:", "system note:", "[system]:", "sys:");
		label(0.3, "assistant:", "admin:", "developer:", "administrator:", "root:", "instruction:", "instructions:",
				"new instructions:", "chatgpt:", "gpt:", "bot:");
		label(0.2, "user:", "human:", "ai:", "model:", "response:", "output:", "answer:");
		for (int first = 0; first < 128; first++) {
			for (int second = 0; second < 128; second++) {
				List<Integer> matching = new ArrayList<>();
				for (int k = 0; k < this.markers.size(); k++) {
					String marker = this.markers.get(k);
					if (marker.charAt(0) == first && marker.charAt(1) == second) {
						matching.add(k);
					}
				}
				this.byPrefix[first][second] = matching.stream().mapToInt(Integer::intValue).toArray();
			}
		}
	}

	private void marker(double weight, String... values) {
		for (String value : values) {
			this.markers.add(value);
			this.markerWeights.add(weight);
		}
	}

	private void label(double weight, String... values) {
		for (String value : values) {
			this.labels.add(value);
			this.labelWeights.add(weight);
		}
	}

	/**
	 * Noisy-OR of the weights of the distinct markers found.
	 */
	double score(String normalized) {
		int length = normalized.length();
		boolean[] seenMarker = null;
		boolean[] seenLabel = null;
		double miss = 1;
		boolean lineStart = true;
		for (int i = 0; i < length; i++) {
			char c = normalized.charAt(i);
			if (lineStart && c != ' ' && c != '\t' && c != '#' && c != '*' && c != '>' && c != '-') {
				lineStart = false;
				for (int k = 0; k < this.labels.size(); k++) {
					if (normalized.startsWith(this.labels.get(k), i)) {
						if (seenLabel == null) {
							seenLabel = new boolean[this.labels.size()];
						}
						if (!seenLabel[k]) {
							seenLabel[k] = true;
							miss *= 1 - this.labelWeights.get(k);
						}
					}
				}
			}
			if (c == '\n') {
				lineStart = true;
				continue;
			}
			if ((c == '<' || c == '[' || c == '#' || c == '{' || c == '(') && i + 1 < length
					&& normalized.charAt(i + 1) < 128) {
				int[] candidates = this.byPrefix[c][normalized.charAt(i + 1)];
				for (int k : candidates) {
					String marker = this.markers.get(k);
					if (normalized.startsWith(marker, i)) {
						if (seenMarker == null) {
							seenMarker = new boolean[this.markers.size()];
						}
						if (!seenMarker[k]) {
							seenMarker[k] = true;
							miss *= 1 - this.markerWeights.get(k);
						}
					}
				}
			}
		}
		return 1 - miss;
	}

}
