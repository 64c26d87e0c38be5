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
 * text plus the number of occurrences. The transition table is complete (a DFA) and has
 * the same entries for both cases of a letter, so the pass does one array lookup per
 * character, straight from the text's ASCII bytes.
 */
final class KeywordIndex {

	private static final int ALPHABET = 128;

	private final String[] keywords;

	/** transitions[state * ALPHABET + c]. */
	private final int[] transitions;

	/** keyword ids ending in each state, including those reached through suffix links. */
	private final int[][] outputs;

	/**
	 * Entry {@code (a << 7) | b} is set when a keyword may start with the pair
	 * {@code a b} in either case; a one-character keyword {@code a} sets every pair
	 * {@code a *}. Index {@code b = 0} stands for the end of the text and for any
	 * non-ASCII character.
	 */
	private final boolean[] startPairs = new boolean[ALPHABET * ALPHABET];

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
			markStart(keyword);
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
		// an upper-case letter moves the automaton as its lower-case letter does
		for (int state = 0; state < states; state++) {
			System.arraycopy(this.transitions, state * ALPHABET + 'a', this.transitions, state * ALPHABET + 'A', 26);
		}
		this.outputs = new int[states][];
		for (int s = 0; s < states; s++) {
			this.outputs[s] = ends.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
		}
	}

	private void markStart(String keyword) {
		char first = keyword.charAt(0);
		if (keyword.length() == 1) {
			for (int next = 0; next < ALPHABET; next++) {
				setPair(first, next);
			}
		}
		else {
			setPair(first, keyword.charAt(1));
		}
	}

	private void setPair(char first, int second) {
		for (int a : cases(first)) {
			for (int b : cases(second)) {
				this.startPairs[(a << 7) | b] = true;
			}
		}
	}

	private static int[] cases(int c) {
		return (c >= 'a' && c <= 'z') ? new int[] { c, c - 32 } : new int[] { c };
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
	void find(String text, HitListener listener) {
		byte[] symbols = new byte[text.length()];
		for (int i = 0; i < symbols.length; i++) {
			char c = text.charAt(i);
			// no keyword holds any other character: 0 sends the automaton to the root
			symbols[i] = (byte) ((c < ALPHABET) ? c : 0);
		}
		find(symbols, listener);
	}

	/**
	 * Find every keyword occurrence in a text given as its characters' bytes, each below
	 * 0x80 (a plain ASCII text; 0 stands for any other character): the same hits, in the
	 * same order, as {@link #find(String, HitListener)} of the text.
	 * @param text the text's bytes
	 * @param listener receives (keyword id, start position) for each occurrence
	 */
	void find(byte[] text, HitListener listener) {
		int state = 0;
		int[] transitions = this.transitions;
		boolean[] startPairs = this.startPairs;
		int length = text.length;
		int last = length - 1;
		int i = 0;
		while (i < length) {
			if (state == 0) {
				// At the root, a character that cannot start a keyword together with the
				// next one leaves the automaton at the root before that next character
				// (any state it reaches has no child for it and fails back to the root)
				// and ends no keyword: skip it without a transition.
				int current = text[i];
				while (i < last) {
					int next = text[i + 1];
					if (startPairs[(current << 7) | next]) {
						break;
					}
					current = next;
					i++;
				}
				if (i == last && !startPairs[current << 7]) {
					break;
				}
			}
			state = transitions[state * ALPHABET + text[i]];
			int[] out = this.outputs[state];
			for (int k : out) {
				listener.hit(k, i - this.keywords[k].length() + 1);
			}
			i++;
		}
	}

	@FunctionalInterface
	interface HitListener {

		void hit(int keyword, int start);

	}

}
