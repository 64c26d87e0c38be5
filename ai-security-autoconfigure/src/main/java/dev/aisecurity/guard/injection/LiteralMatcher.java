package dev.aisecurity.guard.injection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over a fixed set of literal patterns, stepped by its user one
 * character at a time: one table look-up per ASCII character, whatever the patterns or
 * the input. Immutable and thread-safe once built.
 */
final class LiteralMatcher {

	/** The start state, where no pattern is under way. */
	static final int ROOT = 0;

	private static final int ASCII = 128;

	/**
	 * Full transition table for ASCII characters: node * width + class -> state. ASCII
	 * characters that occur in no pattern share class 0, which keeps the table small
	 * enough to stay in cache.
	 */
	private final int[] asciiNext;

	private final byte[] asciiClass = new byte[ASCII];

	private final int width;

	/** Sparse goto function for non-ASCII characters; misses follow failure links. */
	private final List<Map<Character, Integer>> wideGoto;

	private final int[] fail;

	/**
	 * Pattern ids ending at each node, suffix outputs included; {@code null} where none
	 * ends, so most steps cost one null check.
	 */
	private final int[][] outputs;

	/** Classes of the characters of words for {@link #quietWords}: 0 for none. */
	private static final byte[] WORD_CLASS = new byte[ASCII];

	private static final int WORD_CLASSES = 37;

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			WORD_CLASS[c] = (byte) (c - 'a' + 1);
		}
		for (char c = '0'; c <= '9'; c++) {
			WORD_CLASS[c] = (byte) (c - '0' + 27);
		}
	}

	/**
	 * The state after a space at the root: where a word starts when no pattern is under
	 * way.
	 */
	final int wordStart;

	/**
	 * One bit per way a word can begin (its first three characters, or fewer and its
	 * end), set when a word that begins so, read from {@link #wordStart} and followed by
	 * a space, may report a match or end elsewhere than at {@link #wordStart}.
	 */
	private final long[] quietWords;

	LiteralMatcher(List<String> patterns) {
		int classes = 1;
		for (String pattern : patterns) {
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c < ASCII && this.asciiClass[c] == 0) {
					this.asciiClass[c] = (byte) classes++;
				}
			}
		}
		this.width = classes;
		List<int[]> asciiRows = new ArrayList<>();
		List<Map<Character, Integer>> wide = new ArrayList<>();
		List<List<Integer>> out = new ArrayList<>();
		asciiRows.add(filled());
		wide.add(new HashMap<>());
		out.add(new ArrayList<>());
		for (int p = 0; p < patterns.size(); p++) {
			String pattern = patterns.get(p);
			int node = 0;
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				int next = (c < ASCII) ? asciiRows.get(node)[c] : wide.get(node).getOrDefault(c, -1);
				if (next < 0) {
					next = asciiRows.size();
					asciiRows.add(filled());
					wide.add(new HashMap<>());
					out.add(new ArrayList<>());
					if (c < ASCII) {
						asciiRows.get(node)[c] = next;
					}
					else {
						wide.get(node).put(c, next);
					}
				}
				node = next;
			}
			out.get(node).add(p);
		}
		int size = asciiRows.size();
		int[] failLinks = new int[size];
		int[] table = new int[size * ASCII];
		// built over the full ASCII range, compacted to classes below
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int c = 0; c < ASCII; c++) {
			int child = asciiRows.get(0)[c];
			table[c] = Math.max(child, 0);
			if (child > 0) {
				queue.add(child);
			}
		}
		for (int child : wide.get(0).values()) {
			queue.add(child);
		}
		// Breadth-first: a node's failure link is complete before its children need it
		boolean[] seen = new boolean[size];
		while (!queue.isEmpty()) {
			int node = queue.poll();
			if (seen[node]) {
				continue;
			}
			seen[node] = true;
			List<Integer> merged = out.get(node);
			for (int p : out.get(failLinks[node])) {
				if (!merged.contains(p)) {
					merged.add(p);
				}
			}
			for (int c = 0; c < ASCII; c++) {
				int child = asciiRows.get(node)[c];
				if (child > 0) {
					failLinks[child] = table[failLinks[node] * ASCII + c];
					table[node * ASCII + c] = child;
					queue.add(child);
				}
				else {
					table[node * ASCII + c] = table[failLinks[node] * ASCII + c];
				}
			}
			for (Map.Entry<Character, Integer> entry : wide.get(node).entrySet()) {
				int child = entry.getValue();
				failLinks[child] = wideStep(wide, failLinks, failLinks[node], entry.getKey(), node == 0);
				queue.add(child);
			}
		}
		int[] compact = new int[size * this.width];
		for (int node = 0; node < size; node++) {
			for (int c = 0; c < ASCII; c++) {
				compact[node * this.width + this.asciiClass[c]] = table[node * ASCII + c];
			}
		}
		this.wideGoto = wide;
		this.fail = failLinks;
		this.outputs = new int[size][];
		for (int i = 0; i < size; i++) {
			if (!out.get(i).isEmpty()) {
				this.outputs[i] = out.get(i).stream().mapToInt(Integer::intValue).toArray();
			}
		}
		for (int i = 0; i < compact.length; i++) {
			compact[i] = state(compact[i]);
		}
		this.asciiNext = compact;
		this.wordStart = next(ROOT, ' ');
		this.quietWords = quietWords();
	}

	/**
	 * Words that start no pattern: where no pattern starts with a letter or a digit, a
	 * word that leaves every pattern in its first three characters stays at the root up
	 * to its end, and the space after it leads back to {@link #wordStart}.
	 */
	private long[] quietWords() {
		long[] quiet = new long[(WORD_CLASSES * WORD_CLASSES * WORD_CLASSES + 63) / 64];
		for (int c = 0; c < ASCII; c++) {
			if (WORD_CLASS[c] != 0 && next(ROOT, (char) c) != ROOT) {
				return quiet; // no word is known to be quiet
			}
		}
		if (outputs(this.wordStart) != null) {
			return quiet;
		}
		char[] letters = new char[WORD_CLASSES];
		for (int c = 0; c < ASCII; c++) {
			letters[WORD_CLASS[c]] = (char) c;
		}
		for (int index = 0; index < WORD_CLASSES * WORD_CLASSES * WORD_CLASSES; index++) {
			int[] classes = { index / (WORD_CLASSES * WORD_CLASSES), index / WORD_CLASSES % WORD_CLASSES,
					index % WORD_CLASSES };
			if (classes[0] != 0 && isQuiet(letters, classes)) {
				quiet[index >>> 6] |= 1L << index;
			}
		}
		return quiet;
	}

	private boolean isQuiet(char[] letters, int[] classes) {
		int state = this.wordStart;
		for (int cls : classes) {
			if (cls == 0) {
				state = next(state, ' ');
				return state == this.wordStart;
			}
			state = next(state, letters[cls]);
			if (outputs(state) != null) {
				return false;
			}
			if (state == ROOT) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the word {@code text[from, to)} (at least one character), read from
	 * {@link #wordStart} and followed by a space, reports no match and leads back to
	 * {@link #wordStart}; {@code false} when that is not known.
	 */
	boolean isQuietWord(char[] text, int from, int to) {
		int first = wordClass(text[from]);
		int second = (from + 1 < to) ? wordClass(text[from + 1]) : 0;
		int third = (from + 2 < to) ? wordClass(text[from + 2]) : 0;
		if (first == 0 || (second == 0 && from + 1 < to) || (third == 0 && from + 2 < to)) {
			return false;
		}
		int index = (first * WORD_CLASSES + second) * WORD_CLASSES + third;
		return (this.quietWords[index >>> 6] & (1L << index)) != 0;
	}

	private static int wordClass(char c) {
		return (c < ASCII) ? WORD_CLASS[c] : 0;
	}

	private static int wideStep(List<Map<Character, Integer>> wide, int[] failLinks, int state, char c, boolean root) {
		if (root) {
			return 0;
		}
		int node = state;
		while (true) {
			Integer next = wide.get(node).get(c);
			if (next != null) {
				return next;
			}
			if (node == 0) {
				return 0;
			}
			node = failLinks[node];
		}
	}

	private static int[] filled() {
		int[] row = new int[ASCII];
		java.util.Arrays.fill(row, -1);
		return row;
	}

	/**
	 * A node as its users see it: the offset of its row in the transition table, doubled,
	 * plus one where a pattern ends. A step then costs no multiplication and the output
	 * check no memory access.
	 */
	private int state(int node) {
		return ((node * this.width) << 1) | ((this.outputs[node] != null) ? 1 : 0);
	}

	private int node(int state) {
		return (state >> 1) / this.width;
	}

	/**
	 * The state reached from a state by one character.
	 */
	int next(int state, char c) {
		return (c < ASCII) ? this.asciiNext[(state >> 1) + this.asciiClass[c]] : state(step(node(state), c));
	}

	/**
	 * The patterns that end at a state, in the order a scan reports them (longest first),
	 * or {@code null}.
	 */
	int[] outputs(int state) {
		return ((state & 1) != 0) ? this.outputs[node(state)] : null;
	}

	private int step(int state, char c) {
		int node = state;
		while (true) {
			Integer next = this.wideGoto.get(node).get(c);
			if (next != null) {
				return next;
			}
			if (node == 0) {
				return 0;
			}
			node = this.fail[node];
		}
	}

}
