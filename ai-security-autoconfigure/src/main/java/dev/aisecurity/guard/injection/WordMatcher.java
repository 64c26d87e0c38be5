package dev.aisecurity.guard.injection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrase patterns in a {@link CanonicalText} one token at a time: Aho-Corasick over
 * word ids rather than characters. A pattern in canonical form
 * ({@code " ignore previous "} or, for a stem, {@code " ignor"}) starts at a token and
 * covers whole tokens, except a stem, which is a prefix of its last token; so a token
 * costs one hash look-up of the whole word (skipped when its first three characters begin
 * no pattern word) and one automaton step, instead of one step per character. Reports the
 * same matches in the same order as a character-level Aho-Corasick scan of the canonical
 * text: by end position, longest first. Immutable and thread-safe once built.
 */
final class WordMatcher {

	/** The start state, where no pattern is under way. */
	static final int ROOT = 0;

	private static final int ASCII = 128;

	private static final int WORD_CLASSES = 37;

	/** Classes of the ASCII letters and digits, 1 to 36, for {@link #knownStarts}. */
	private static final byte[] WORD_CLASS = new byte[ASCII];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			WORD_CLASS[c] = (byte) (c - 'a' + 1);
		}
		for (char c = '0'; c <= '9'; c++) {
			WORD_CLASS[c] = (byte) (c - '0' + 27);
		}
	}

	// Vocabulary: the whole words of the patterns (stems excluded), ids from 1

	private final char[][] vocabulary;

	/** Ids of the words of up to eight ASCII characters, by {@link #packed} form. */
	private final IntTable shortWords;

	/** Ids of the other words, by {@link #hash}, 0 for an empty slot. */
	private final int[] vocabularySlots;

	private final int longestWord;

	// Stems: a trie of their characters; stem ids from 1

	private final IntTable stemChildren;

	private final int[] stemAt;

	/**
	 * One bit per way a word can begin (its first three characters, or fewer and its
	 * end), set when some vocabulary word or stem may match a word that begins so.
	 */
	private final long[] knownStarts;

	/** The same for stems alone. */
	private final long[] stemStarts;

	// The automaton over word ids

	private final IntTable children;

	private final int vocabularySize;

	private final int[] fail;

	/** Patterns that end at each node (its own, then those of its suffixes), or null. */
	private final int[][] outputs;

	/**
	 * Stem patterns by node and stem id (the node is the pattern's whole-word part): an
	 * index into {@link #stemPatterns}.
	 */
	private final IntTable stemPatternIndex;

	private final int[][] stemPatterns;

	/** Whether any stem pattern hangs at a node. */
	private final boolean[] hasStems;

	WordMatcher(List<String> patterns) {
		Map<String, Integer> words = new HashMap<>();
		Map<String, Integer> stems = new HashMap<>();
		List<Map<Integer, Integer>> trie = new ArrayList<>();
		List<List<Integer>> own = new ArrayList<>();
		trie.add(new HashMap<>());
		own.add(new ArrayList<>());
		Map<Long, List<Integer>> stemLists = new HashMap<>();
		for (int p = 0; p < patterns.size(); p++) {
			String pattern = patterns.get(p);
			if (pattern.length() < 2 || pattern.charAt(0) != ' ' || pattern.charAt(1) == ' ') {
				throw new IllegalArgumentException("not a canonical pattern: " + pattern);
			}
			boolean stem = pattern.charAt(pattern.length() - 1) != ' ';
			String[] tokens = pattern.trim().split(" ");
			int whole = stem ? tokens.length - 1 : tokens.length;
			int node = ROOT;
			for (int t = 0; t < whole; t++) {
				int id = words.computeIfAbsent(tokens[t], (word) -> words.size() + 1);
				Integer next = trie.get(node).get(id);
				if (next == null) {
					next = trie.size();
					trie.add(new HashMap<>());
					own.add(new ArrayList<>());
					trie.get(node).put(id, next);
				}
				node = next;
			}
			if (stem) {
				int stemId = stems.computeIfAbsent(tokens[whole], (word) -> stems.size() + 1);
				stemLists.computeIfAbsent(((long) node << 32) | stemId, (key) -> new ArrayList<>()).add(p);
			}
			else {
				own.get(node).add(p);
			}
		}
		int size = trie.size();
		this.vocabularySize = words.size();
		this.vocabulary = new char[words.size() + 1][];
		words.forEach((word, id) -> this.vocabulary[id] = word.toCharArray());
		this.vocabularySlots = new int[Integer.highestOneBit(Math.max(16, 4 * words.size()))];
		Map<Long, Integer> shortIds = new HashMap<>();
		int longest = 0;
		for (int id = 1; id < this.vocabulary.length; id++) {
			char[] word = this.vocabulary[id];
			longest = Math.max(longest, word.length);
			long packed = packed(word, 0, word.length);
			if (packed != 0) {
				shortIds.put(packed, id);
				continue;
			}
			int slot = hash(word, 0, word.length) & (this.vocabularySlots.length - 1);
			while (this.vocabularySlots[slot] != 0) {
				slot = (slot + 1) & (this.vocabularySlots.length - 1);
			}
			this.vocabularySlots[slot] = id;
		}
		this.longestWord = longest;
		this.shortWords = new IntTable(shortIds);
		// the stem trie
		List<Integer> stemEnds = new ArrayList<>();
		stemEnds.add(0);
		Map<Long, Integer> stemEdges = new HashMap<>();
		for (Map.Entry<String, Integer> entry : stems.entrySet()) {
			int node = 0;
			for (char c : entry.getKey().toCharArray()) {
				long key = ((long) node << 16) | c;
				Integer next = stemEdges.get(key);
				if (next == null) {
					next = stemEnds.size();
					stemEnds.add(0);
					stemEdges.put(key, next);
				}
				node = next;
			}
			stemEnds.set(node, entry.getValue());
		}
		this.stemAt = stemEnds.stream().mapToInt(Integer::intValue).toArray();
		this.stemChildren = new IntTable(stemEdges);
		this.knownStarts = new long[(WORD_CLASSES * WORD_CLASSES * WORD_CLASSES + 63) / 64];
		this.stemStarts = new long[this.knownStarts.length];
		words.keySet().forEach((word) -> mark(this.knownStarts, word, false));
		stems.keySet().forEach((stem) -> mark(this.knownStarts, stem, true));
		stems.keySet().forEach((stem) -> mark(this.stemStarts, stem, true));
		// failure links, breadth first so that a node's link is there before its
		// children need it
		this.fail = new int[size];
		this.outputs = new int[size][];
		Map<Long, Integer> edges = new HashMap<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		queue.add(ROOT);
		while (!queue.isEmpty()) {
			int node = queue.poll();
			if (node != ROOT) {
				List<Integer> merged = new ArrayList<>(own.get(node));
				int[] inherited = this.outputs[this.fail[node]];
				if (inherited != null) {
					for (int p : inherited) {
						merged.add(p);
					}
				}
				this.outputs[node] = merged.isEmpty() ? null : merged.stream().mapToInt(Integer::intValue).toArray();
			}
			for (Map.Entry<Integer, Integer> edge : trie.get(node).entrySet()) {
				int id = edge.getKey();
				int child = edge.getValue();
				edges.put(edgeKey(node, id), child);
				int link = ROOT;
				if (node != ROOT) {
					int f = this.fail[node];
					while (true) {
						Integer next = trie.get(f).get(id);
						if (next != null) {
							link = next;
							break;
						}
						if (f == ROOT) {
							break;
						}
						f = this.fail[f];
					}
				}
				this.fail[child] = link;
				queue.add(child);
			}
		}
		this.children = new IntTable(edges);
		this.hasStems = new boolean[size];
		this.stemPatterns = new int[stemLists.size()][];
		Map<Long, Integer> stemIndex = new HashMap<>();
		stemLists.forEach((key, list) -> {
			stemIndex.put(key, stemIndex.size());
			this.stemPatterns[stemIndex.get(key)] = list.stream().mapToInt(Integer::intValue).toArray();
			this.hasStems[(int) (key >>> 32)] = true;
		});
		this.stemPatternIndex = new IntTable(stemIndex);
	}

	private long edgeKey(int node, int id) {
		return (long) node * (this.vocabularySize + 1) + id;
	}

	/**
	 * Read one token, {@code chars[from, to)}, in a state and report the matches that end
	 * in it or in the space after it.
	 * @param endToken the number of tokens read so far, this one included
	 * @return the state after the token
	 */
	int next(int state, char[] chars, int from, int to, int endToken, CanonicalText.Hits hits) {
		return next(state, chars, from, to, 0, endToken, hits);
	}

	/**
	 * The same, given the token's {@link #packed} form when the caller has it at hand (0
	 * when not).
	 */
	int next(int state, char[] chars, int from, int to, long packed, int endToken, CanonicalText.Hits hits) {
		int id;
		if (packed != 0) {
			// a packed word is ASCII letters and digits, so its start is always known
			if (isSet(this.stemStarts, start(packed))) {
				stems(state, chars, from, to, endToken, hits);
			}
			id = Math.max(0, this.shortWords.get(packed));
			if (id == 0 && state == ROOT) {
				return ROOT;
			}
		}
		else {
			int start = start(chars, from, to);
			if (start >= 0 && !isSet(this.knownStarts, start)) {
				return ROOT;
			}
			if (start < 0 || isSet(this.stemStarts, start)) {
				stems(state, chars, from, to, endToken, hits);
			}
			id = id(chars, from, to);
		}
		int node = state;
		int next = ROOT;
		if (id != 0) {
			while (true) {
				next = this.children.get(edgeKey(node, id));
				if (next >= 0 || node == ROOT) {
					break;
				}
				node = this.fail[node];
			}
		}
		next = Math.max(next, ROOT);
		int[] found = this.outputs[next];
		if (found != null) {
			for (int pattern : found) {
				hits.onMatch(pattern, endToken);
			}
		}
		return next;
	}

	/**
	 * Stem patterns ending in a token: by the stem's end, then longest first, as a scan
	 * of the characters reports them.
	 */
	private void stems(int state, char[] chars, int from, int to, int endToken, CanonicalText.Hits hits) {
		int node = 0;
		for (int k = from; k < to; k++) {
			node = this.stemChildren.get(((long) node << 16) | chars[k]);
			if (node < 0) {
				return;
			}
			int stem = this.stemAt[node];
			if (stem == 0) {
				continue;
			}
			// the whole-word part must end right before this token: the state or one of
			// its suffixes, longest first
			for (int at = state;; at = this.fail[at]) {
				if (this.hasStems[at]) {
					int index = this.stemPatternIndex.get(((long) at << 32) | stem);
					if (index >= 0) {
						for (int pattern : this.stemPatterns[index]) {
							hits.onMatch(pattern, endToken);
						}
					}
				}
				if (at == ROOT) {
					break;
				}
			}
		}
	}

	/**
	 * How a word begins, as an index into {@link #knownStarts}: the classes of its first
	 * three characters, 0 for those past its end; -1 when one of them is not an ASCII
	 * letter or digit.
	 */
	private static int start(char[] chars, int from, int to) {
		int first = wordClass(chars[from]);
		int second = (from + 1 < to) ? wordClass(chars[from + 1]) : 0;
		int third = (from + 2 < to) ? wordClass(chars[from + 2]) : 0;
		if (first == 0 || (second == 0 && from + 1 < to) || (third == 0 && from + 2 < to)) {
			return -1;
		}
		return (first * WORD_CLASSES + second) * WORD_CLASSES + third;
	}

	/**
	 * The same for a word in {@link #packed} form, made of ASCII letters and digits.
	 */
	private static int start(long packed) {
		int first = WORD_CLASS[(int) packed & 0x7F];
		int second = WORD_CLASS[(int) (packed >>> 8) & 0x7F];
		int third = WORD_CLASS[(int) (packed >>> 16) & 0x7F];
		return (first * WORD_CLASSES + second) * WORD_CLASSES + third;
	}

	private static boolean isSet(long[] bits, int index) {
		return (bits[index >>> 6] & (1L << index)) != 0;
	}

	/**
	 * Mark the beginnings of the words a vocabulary word (or, as a prefix, a stem) may
	 * match.
	 */
	private static void mark(long[] known, String word, boolean prefix) {
		int[] classes = new int[3];
		for (int k = 0; k < 3 && k < word.length(); k++) {
			classes[k] = wordClass(word.charAt(k));
			if (classes[k] == 0) {
				// such words are never taken as unknown
				return;
			}
		}
		int free = (prefix && word.length() < 3) ? 3 - word.length() : 0;
		int variants = (free == 2) ? WORD_CLASSES * WORD_CLASSES : (free == 1) ? WORD_CLASSES : 1;
		for (int v = 0; v < variants; v++) {
			int second = (word.length() >= 2) ? classes[1] : v / WORD_CLASSES;
			int third = (word.length() >= 3) ? classes[2] : v % WORD_CLASSES;
			int index = (classes[0] * WORD_CLASSES + second) * WORD_CLASSES + third;
			known[index >>> 6] |= 1L << index;
		}
	}

	private static int wordClass(char c) {
		return (c < ASCII) ? WORD_CLASS[c] : 0;
	}

	/**
	 * The vocabulary id of a word, or 0.
	 */
	private int id(char[] chars, int from, int to) {
		if (to - from > this.longestWord) {
			return 0;
		}
		long packed = packed(chars, from, to);
		if (packed != 0) {
			return Math.max(0, this.shortWords.get(packed));
		}
		int mask = this.vocabularySlots.length - 1;
		for (int slot = hash(chars, from, to) & mask;; slot = (slot + 1) & mask) {
			int id = this.vocabularySlots[slot];
			if (id == 0 || equal(this.vocabulary[id], chars, from, to)) {
				return id;
			}
		}
	}

	private static boolean equal(char[] word, char[] chars, int from, int to) {
		if (word.length != to - from) {
			return false;
		}
		for (int k = 0; k < word.length; k++) {
			if (word[k] != chars[from + k]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A word of one to eight ASCII characters as a long, a character a byte, or 0.
	 */
	private static long packed(char[] chars, int from, int to) {
		if (to - from > Long.BYTES) {
			return 0;
		}
		long packed = 0;
		int all = 0;
		for (int k = to - 1; k >= from; k--) {
			char c = chars[k];
			all |= c;
			packed = (packed << 8) | c;
		}
		return (all < ASCII) ? packed : 0;
	}

	private static int hash(char[] chars, int from, int to) {
		int h = 0;
		for (int k = from; k < to; k++) {
			h = 31 * h + chars[k];
		}
		return (h * 0x9E3779B9) ^ (h >>> 16);
	}

	/**
	 * An open-addressing map from non-negative long keys to non-negative ints; -1 for a
	 * missing key.
	 */
	private static final class IntTable {

		private final long[] keys;

		private final int[] values;

		IntTable(Map<Long, Integer> entries) {
			int capacity = Integer.highestOneBit(Math.max(16, 4 * entries.size()));
			this.keys = new long[capacity];
			this.values = new int[capacity];
			Arrays.fill(this.keys, -1);
			entries.forEach((key, value) -> {
				int slot = slot(key);
				while (this.keys[slot] != -1) {
					slot = (slot + 1) & (capacity - 1);
				}
				this.keys[slot] = key;
				this.values[slot] = value;
			});
		}

		private int slot(long key) {
			return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & (this.keys.length - 1);
		}

		int get(long key) {
			for (int slot = slot(key);; slot = (slot + 1) & (this.keys.length - 1)) {
				long found = this.keys[slot];
				if (found == key) {
					return this.values[slot];
				}
				if (found == -1) {
					return -1;
				}
			}
		}

	}

}
