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

	final List<String> markers = new ArrayList<>();

	final List<Double> markerWeights = new ArrayList<>();

	/** Marker indexes by their first two characters, so most brackets cost nothing. */
	private final int[][][] byPrefix = new int[128][128][];

	final List<String> labels = new ArrayList<>();

	final List<Double> labelWeights = new ArrayList<>();

	/**
	 * Label indexes by their first character, in order, so that a line start tries only
	 * the labels it can begin.
	 */
	private final int[][] labelsByFirst = new int[128][];

	private static final int[] NONE = {};

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
		label(0.3, "[assistant]:", "[assistant] :", "assistant:", "admin:", "developer:", "administrator:", "root:",
				"instruction:", "instructions:", "new instructions:", "chatgpt:", "gpt:", "bot:");
		label(0.2, "[user]:", "[user] :", "user:", "human:", "ai:", "model:", "response:", "output:", "answer:");
		for (int first = 0; first < 128; first++) {
			List<Integer> starting = new ArrayList<>();
			for (int k = 0; k < this.labels.size(); k++) {
				if (this.labels.get(k).charAt(0) == first) {
					starting.add(k);
				}
			}
			this.labelsByFirst[first] = starting.stream().mapToInt(Integer::intValue).toArray();
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
			if (value.charAt(0) >= 128) {
				throw new IllegalArgumentException("labels start with an ASCII character");
			}
			this.labels.add(value);
			this.labelWeights.add(weight);
		}
	}

	/**
	 * Noisy-OR of the weights of the distinct markers found.
	 */
	double score(String normalized) {
		Scan scan = scan();
		for (int i = 0; i < normalized.length(); i++) {
			scan.visit(normalized, i, normalized.charAt(i));
		}
		return scan.score();
	}

	/**
	 * A scan of one text, fed character by character.
	 */
	Scan scan() {
		return new Scan();
	}

	private static boolean startsWith(CharSequence text, int offset, String prefix) {
		if (offset + prefix.length() > text.length()) {
			return false;
		}
		for (int k = 0; k < prefix.length(); k++) {
			if (text.charAt(offset + k) != prefix.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isMarkerStart(char c) {
		return c == '<' || c == '[' || c == '#' || c == '{' || c == '(';
	}

	/**
	 * The state of a scan. It must see every line break, every character where a marker
	 * can start ({@code < [ # { (}) and the first character of every word, in order;
	 * letters and digits after the first of a word can neither start a marker nor end a
	 * line start, so a caller reading word by word may skip them.
	 */
	final class Scan {

		private boolean[] seenMarker;

		private boolean[] seenLabel;

		private double miss = 1;

		private boolean lineStart = true;

		private Scan() {
		}

		/**
		 * Whether {@link #visit} can do anything with a character: the ones it may skip
		 * need not be shown to it.
		 */
		boolean wants(char c) {
			return this.lineStart || c == '\n' || isMarkerStart(c);
		}

		void visit(CharSequence text, int i, char c) {
			if (this.lineStart && c != ' ' && c != '\t' && c != '#' && c != '*' && c != '>' && c != '-') {
				this.lineStart = false;
				// labels are ASCII
				int[] candidates = (c < 128) ? RoleMarkers.this.labelsByFirst[c] : NONE;
				for (int k : candidates) {
					if (startsWith(text, i, RoleMarkers.this.labels.get(k))) {
						if (this.seenLabel == null) {
							this.seenLabel = new boolean[RoleMarkers.this.labels.size()];
						}
						if (!this.seenLabel[k]) {
							this.seenLabel[k] = true;
							this.miss *= 1 - RoleMarkers.this.labelWeights.get(k);
						}
					}
				}
			}
			if (c == '\n') {
				this.lineStart = true;
				return;
			}
			if (isMarkerStart(c) && i + 1 < text.length() && text.charAt(i + 1) < 128) {
				int[] candidates = RoleMarkers.this.byPrefix[c][text.charAt(i + 1)];
				for (int k : candidates) {
					String marker = RoleMarkers.this.markers.get(k);
					if (startsWith(text, i, marker)) {
						if (this.seenMarker == null) {
							this.seenMarker = new boolean[RoleMarkers.this.markers.size()];
						}
						if (!this.seenMarker[k]) {
							this.seenMarker[k] = true;
							this.miss *= 1 - RoleMarkers.this.markerWeights.get(k);
						}
					}
				}
			}
		}

		double score() {
			return 1 - this.miss;
		}

	}

}
