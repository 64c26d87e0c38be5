package dev.aisecurity.guard.injection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over a fixed set of literal patterns: one pass over the text,
 * one table look-up per ASCII character, whatever the patterns or the input. Immutable
 * and thread-safe once built.
 */
final class LiteralMatcher {

	private static final int ASCII = 128;

	/**
	 * Full transition table for ASCII characters: node * width + class -> node. ASCII
	 * characters that occur in no pattern share class 0, which keeps the table small
	 * enough to stay in cache.
	 */
	private final int[] asciiNext;

	private final byte[] asciiClass = new byte[ASCII];

	private final int width;

	/** Whether any pattern ends at a node, to skip the output check on most steps. */
	private final boolean[] accepting;

	/** Sparse goto function for non-ASCII characters; misses follow failure links. */
	private final List<Map<Character, Integer>> wideGoto;

	private final int[] fail;

	/** Pattern ids ending at each node, suffix outputs included. */
	private final int[][] outputs;

	private final int[] patternLength;

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
		this.patternLength = new int[patterns.size()];
		for (int p = 0; p < patterns.size(); p++) {
			String pattern = patterns.get(p);
			this.patternLength[p] = pattern.length();
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
		this.asciiNext = compact;
		this.wideGoto = wide;
		this.fail = failLinks;
		this.outputs = new int[size][];
		this.accepting = new boolean[size];
		for (int i = 0; i < size; i++) {
			this.outputs[i] = out.get(i).stream().mapToInt(Integer::intValue).toArray();
			this.accepting[i] = this.outputs[i].length > 0;
		}
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

	int patternLength(int pattern) {
		return this.patternLength[pattern];
	}

	/**
	 * Report every occurrence of every pattern.
	 */
	void scan(char[] text, int length, Hits hits) {
		int node = 0;
		for (int i = 0; i < length; i++) {
			char c = text[i];
			if (c < ASCII) {
				node = this.asciiNext[node * this.width + this.asciiClass[c]];
			}
			else {
				node = step(node, c);
			}
			if (this.accepting[node]) {
				int[] found = this.outputs[node];
				for (int k = 0; k < found.length; k++) {
					if (!hits.onMatch(found[k], i + 1)) {
						return;
					}
				}
			}
		}
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

	/**
	 * Receives matches.
	 */
	interface Hits {

		/**
		 * @param pattern index of the pattern in the list given to the constructor
		 * @param end end of the match in the text, exclusive
		 * @return whether to continue scanning
		 */
		boolean onMatch(int pattern, int end);

	}

}
