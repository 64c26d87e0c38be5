package dev.aisecurity.guard.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written Aho-Corasick automaton over ASCII keywords, matched case-insensitively:
 * one pass over the text finds every occurrence of every keyword, in time linear in the
 * text plus the number of occurrences. The transition table is complete (a DFA), so the
 * pass does one array lookup per character.
 */
final class KeywordIndex {

	private static final int ALPHABET = 128;

	private final String[] keywords;

	/** transitions[state * ALPHABET + c]. */
	private final int[] transitions;

	/** keyword ids ending in each state, including those reached through suffix links. */
	private final int[][] outputs;

	KeywordIndex(List<String> keywords) {
		this.keywords = new String[keywords.size()];
		List<int[]> children = new ArrayList<>();
		List<List<Integer>> ends = new ArrayList<>();
		children.add(newRow());
		ends.add(new ArrayList<>());
		for (int k = 0; k < keywords.size(); k++) {
			String keyword = keywords.get(k).toLowerCase(Locale.ROOT);
			this.keywords[k] = keyword;
			int state = 0;
			for (int i = 0; i < keyword.length(); i++) {
				char c = keyword.charAt(i);
				if (c >= ALPHABET || c == 0) {
					throw new IllegalArgumentException("keywords must be printable ASCII");
				}
				int next = children.get(state)[c];
				if (next < 0) {
					next = children.size();
					children.add(newRow());
					ends.add(new ArrayList<>());
					children.get(state)[c] = next;
				}
				state = next;
			}
			ends.get(state).add(k);
		}
		int states = children.size();
		this.transitions = new int[states * ALPHABET];
		int[] fail = new int[states];
		Deque<Integer> queue = new ArrayDeque<>();
		for (int c = 0; c < ALPHABET; c++) {
			int child = children.get(0)[c];
			if (child < 0) {
				this.transitions[c] = 0;
			}
			else {
				this.transitions[c] = child;
				fail[child] = 0;
				queue.add(child);
			}
		}
		while (!queue.isEmpty()) {
			int state = queue.poll();
			ends.get(state).addAll(ends.get(fail[state]));
			for (int c = 0; c < ALPHABET; c++) {
				int child = children.get(state)[c];
				if (child < 0) {
					this.transitions[state * ALPHABET + c] = this.transitions[fail[state] * ALPHABET + c];
				}
				else {
					this.transitions[state * ALPHABET + c] = child;
					fail[child] = this.transitions[fail[state] * ALPHABET + c];
					queue.add(child);
				}
			}
		}
		this.outputs = new int[states][];
		for (int s = 0; s < states; s++) {
			this.outputs[s] = ends.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
		}
	}

	private static int[] newRow() {
		int[] row = new int[ALPHABET];
		Arrays.fill(row, -1);
		return row;
	}

	int size() {
		return this.keywords.length;
	}

	/**
	 * Find every keyword occurrence.
	 * @param text the text
	 * @param listener receives (keyword id, start position) for each occurrence
	 */
	void find(CharSequence text, HitListener listener) {
		int state = 0;
		int[] transitions = this.transitions;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= ALPHABET) {
				state = 0;
				continue;
			}
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + 32);
			}
			state = transitions[state * ALPHABET + c];
			int[] out = this.outputs[state];
			for (int k : out) {
				listener.hit(k, i - this.keywords[k].length() + 1);
			}
		}
	}

	@FunctionalInterface
	interface HitListener {

		void hit(int keyword, int start);

	}

}
