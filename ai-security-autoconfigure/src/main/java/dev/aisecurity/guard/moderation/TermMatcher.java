package dev.aisecurity.guard.moderation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.aisecurity.guard.text.AsciiBytes;
import dev.aisecurity.guard.text.Confusables;

/**
 * Finds whole-word phrases in a text in one linear pass (an Aho-Corasick automaton).
 * <p>
 * Text and phrases are seen as a stream of words: every character that is not a letter or
 * digit separates words, and runs of separators count as one. A phrase therefore matches
 * on word boundaries only ({@code "kill you"} does not match {@code "skill
 * youth"}) and regardless of case, punctuation and line breaks between its words. Feed it
 * {@link dev.aisecurity.guard.GuardText#normalized()} so look-alike letters are folded as
 * well; phrases are folded the same way when the matcher is built.
 * <p>
 * Immutable and thread-safe.
 */
public final class TermMatcher {

	private static final int ASCII = 128;

	private static final char SEPARATOR = ' ';

	private static final int[] NO_OUTPUT = new int[0];

	/**
	 * Symbols of the ASCII characters: letters lower-cased, digits, else the separator.
	 */
	private static final char[] ASCII_SYMBOLS = new char[ASCII];

	static {
		for (char c = 0; c < ASCII; c++) {
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				ASCII_SYMBOLS[c] = c;
			}
			else if (c >= 'A' && c <= 'Z') {
				ASCII_SYMBOLS[c] = (char) (c + 32);
			}
			else {
				ASCII_SYMBOLS[c] = SEPARATOR;
			}
		}
	}

	/**
	 * ASCII characters that are letters or digits (not the separator symbol).
	 */
	private static final boolean[] ASCII_WORD = new boolean[ASCII];

	static {
		for (char c = 0; c < ASCII; c++) {
			ASCII_WORD[c] = ASCII_SYMBOLS[c] != SEPARATOR;
		}
	}

	private final int[] asciiNext;

	/**
	 * {@link #asciiNext} indexed by the ASCII character itself rather than its symbol,
	 * for {@link #scanAscii}.
	 */
	private final int[] byteNext;

	/** States with outputs. */
	private final boolean[] accepting;

	/** The state after a separator, where every phrase's first word begins. */
	private final int wordStartState;

	/**
	 * Bit {@code first * 128 + second}: a word whose first two bytes are these (the
	 * second a separator for a one-letter word) may begin a phrase; for any other the
	 * automaton is back at the root after them.
	 */
	private final long[] startPairs = new long[ASCII * ASCII / 64];

	private final Map<Long, Integer> otherGoto;

	private final int[] fail;

	private final int[][] outputs;

	private final String[] labels;

	private final int size;

	private TermMatcher(int[] asciiNext, Map<Long, Integer> otherGoto, int[] fail, int[][] outputs, String[] labels,
			int size) {
		this.asciiNext = asciiNext;
		this.byteNext = new int[asciiNext.length];
		for (int state = 0; state < asciiNext.length / ASCII; state++) {
			for (int c = 0; c < ASCII; c++) {
				this.byteNext[state * ASCII + c] = asciiNext[state * ASCII + ASCII_SYMBOLS[c]];
			}
		}
		this.accepting = new boolean[outputs.length];
		for (int state = 0; state < outputs.length; state++) {
			this.accepting[state] = outputs[state].length > 0;
		}
		this.wordStartState = asciiNext[SEPARATOR];
		for (int first = 0; first < ASCII; first++) {
			int state = ASCII_WORD[first] ? this.byteNext[this.wordStartState * ASCII + first] : 0;
			for (int second = 0; state != 0 && second < ASCII; second++) {
				if (this.byteNext[state * ASCII + second] != 0) {
					this.startPairs[(first * ASCII + second) >>> 6] |= 1L << (first * ASCII + second);
				}
			}
		}
		this.otherGoto = otherGoto;
		this.fail = fail;
		this.outputs = outputs;
		this.labels = labels;
		this.size = size;
	}

	/**
	 * Build a matcher.
	 * @param phrases phrase to label (a category, or any tag the caller wants back);
	 * phrases that contain no letter or digit are ignored
	 */
	public static TermMatcher of(Map<String, String> phrases) {
		return new Builder(phrases).build();
	}

	/**
	 * Number of phrases the matcher looks for.
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Scan a text and call the consumer for every phrase occurrence, overlapping
	 * occurrences included.
	 * @param text the text, ideally already normalised
	 * @param consumer receives the phrase's label and the index in {@code text} just
	 * after the match
	 */
	public void scan(CharSequence text, MatchConsumer consumer) {
		if (this.size == 0) {
			return;
		}
		int state = step(0, SEPARATOR);
		boolean lastWasSeparator = true;
		int length = text.length();
		for (int i = 0; i <= length; i++) {
			char c;
			if (i == length) {
				c = SEPARATOR;
			}
			else {
				c = symbol(text.charAt(i));
			}
			if (c == SEPARATOR) {
				if (lastWasSeparator) {
					continue;
				}
				lastWasSeparator = true;
			}
			else {
				lastWasSeparator = false;
				if (state == 0) {
					// every phrase starts with a separator, so the root's only child is
					// the separator: inside a word that matches nothing the automaton
					// stays at the root and reports nothing until the next separator
					continue;
				}
			}
			state = step(state, c);
			int[] out = this.outputs[state];
			for (int label : out) {
				consumer.accept(this.labels[label], i);
			}
		}
	}

	/**
	 * {@link #scan(CharSequence, MatchConsumer)} of a text given as ASCII bytes (each
	 * below 0x80, for example {@link dev.aisecurity.guard.GuardText#normalizedAscii()}):
	 * the same matches, in the same order. Most words cannot start a phrase, and the
	 * automaton leaves them at the root: word starts come from bit masks of 64 bytes, the
	 * first two bytes of each word are checked against the pairs that can begin a phrase,
	 * and only the rest run the automaton, with a table that maps bytes straight to
	 * states.
	 */
	public void scanAscii(byte[] text, MatchConsumer consumer) {
		if (this.size == 0) {
			return;
		}
		long[] startPairs = this.startPairs;
		int length = text.length;
		int base = 0;
		long words = AsciiBytes.letterOrDigitMask(text, 0);
		long starts = words & ~(words << 1);
		while (true) {
			while (starts == 0) {
				base += 64;
				if (base >= length) {
					return;
				}
				long before = words >>> 63;
				words = AsciiBytes.letterOrDigitMask(text, base);
				starts = words & ~((words << 1) | before);
			}
			int start = base + Long.numberOfTrailingZeros(starts);
			starts &= starts - 1;
			int pair = (text[start] << 7) | ((start + 1 < length) ? text[start + 1] : SEPARATOR);
			if ((startPairs[pair >>> 6] & (1L << pair)) == 0) {
				continue;
			}
			int stop = scanFrom(text, start, consumer);
			if (stop >= length) {
				return;
			}
			if (stop - base >= 64) {
				base = stop & -64;
				words = AsciiBytes.letterOrDigitMask(text, base);
				starts = words & ~((words << 1) | (ASCII_WORD[text[base - 1]] ? 1 : 0));
			}
			// the word the automaton fell back to the root in matches nothing
			starts &= -2L << (stop - base);
		}
	}

	/**
	 * The automaton from a word start (after a separator) on, as {@link #scan} runs it,
	 * until it falls back to the root inside a word.
	 * @return the index of the byte that took it back to the root, or the text's length
	 */
	private int scanFrom(byte[] text, int start, MatchConsumer consumer) {
		int[] next = this.byteNext;
		boolean[] accepting = this.accepting;
		int state = this.wordStartState;
		boolean lastWasSeparator = true;
		int length = text.length;
		for (int i = start; i < length; i++) {
			int c = text[i];
			if (ASCII_WORD[c]) {
				lastWasSeparator = false;
			}
			else if (lastWasSeparator) {
				continue;
			}
			else {
				lastWasSeparator = true;
			}
			state = next[state * ASCII + c];
			if (state == 0) {
				// only a word character leads to the root (a separator starts phrases)
				return i;
			}
			if (accepting[state]) {
				report(state, i, consumer);
			}
		}
		if (!lastWasSeparator) {
			state = step(state, SEPARATOR);
			if (accepting[state]) {
				report(state, length, consumer);
			}
		}
		return length;
	}

	private void report(int state, int end, MatchConsumer consumer) {
		for (int label : this.outputs[state]) {
			consumer.accept(this.labels[label], end);
		}
	}

	/**
	 * Whether the text contains any of the phrases.
	 */
	public boolean matchesAny(CharSequence text) {
		boolean[] found = new boolean[1];
		scan(text, (label, end) -> found[0] = true);
		return found[0];
	}

	/**
	 * Whether a text given as ASCII bytes contains any of the phrases (see
	 * {@link #scanAscii}).
	 */
	public boolean matchesAnyAscii(byte[] text) {
		boolean[] found = new boolean[1];
		scanAscii(text, (label, end) -> found[0] = true);
		return found[0];
	}

	private int step(int state, char c) {
		if (c < ASCII) {
			return this.asciiNext[state * ASCII + c];
		}
		int s = state;
		while (true) {
			Integer next = this.otherGoto.get(key(s, c));
			if (next != null) {
				return next;
			}
			if (s == 0) {
				return 0;
			}
			s = this.fail[s];
		}
	}

	static char symbol(char c) {
		if (c < ASCII) {
			return ASCII_SYMBOLS[c];
		}
		return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : SEPARATOR;
	}

	private static long key(int state, char c) {
		return ((long) state << 16) | c;
	}

	/**
	 * Receives matches.
	 */
	@FunctionalInterface
	public interface MatchConsumer {

		void accept(String label, int end);

	}

	private static final class Builder {

		private final List<Map<Character, Integer>> trie = new ArrayList<>();

		private final List<List<Integer>> out = new ArrayList<>();

		private final List<String> labels = new ArrayList<>();

		private int phrases;

		Builder(Map<String, String> phrases) {
			newState();
			for (Map.Entry<String, String> entry : phrases.entrySet()) {
				String words = words(Confusables.fold(Objects.requireNonNull(entry.getKey())));
				if (words.isEmpty()) {
					continue;
				}
				add(SEPARATOR + words + SEPARATOR, Objects.requireNonNull(entry.getValue()));
			}
		}

		private static String words(String phrase) {
			StringBuilder sb = new StringBuilder(phrase.length());
			boolean separator = true;
			for (int i = 0; i < phrase.length(); i++) {
				char c = symbol(phrase.charAt(i));
				if (c == SEPARATOR) {
					if (!separator) {
						sb.append(SEPARATOR);
					}
					separator = true;
				}
				else {
					sb.append(c);
					separator = false;
				}
			}
			int end = sb.length();
			while (end > 0 && sb.charAt(end - 1) == SEPARATOR) {
				end--;
			}
			return sb.substring(0, end);
		}

		private int newState() {
			this.trie.add(new HashMap<>());
			this.out.add(new ArrayList<>());
			return this.trie.size() - 1;
		}

		private void add(String pattern, String label) {
			int state = 0;
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				Integer next = this.trie.get(state).get(c);
				if (next == null) {
					next = newState();
					this.trie.get(state).put(c, next);
				}
				state = next;
			}
			int index = this.labels.indexOf(label);
			if (index < 0) {
				this.labels.add(label);
				index = this.labels.size() - 1;
			}
			if (!this.out.get(state).contains(index)) {
				this.out.get(state).add(index);
			}
			this.phrases++;
		}

		TermMatcher build() {
			int states = this.trie.size();
			int[] fail = new int[states];
			int[] asciiNext = new int[states * ASCII];
			Map<Long, Integer> otherGoto = new HashMap<>();
			List<List<Integer>> merged = new ArrayList<>();
			for (List<Integer> o : this.out) {
				merged.add(new ArrayList<>(o));
			}
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			// Root: missing ASCII transitions loop back to the root
			for (Map.Entry<Character, Integer> edge : this.trie.get(0).entrySet()) {
				char c = edge.getKey();
				if (c < ASCII) {
					asciiNext[c] = edge.getValue();
				}
				else {
					otherGoto.put(key(0, c), edge.getValue());
				}
				fail[edge.getValue()] = 0;
				queue.add(edge.getValue());
			}
			while (!queue.isEmpty()) {
				int state = queue.poll();
				for (int c = 0; c < ASCII; c++) {
					asciiNext[state * ASCII + c] = asciiNext[fail[state] * ASCII + c];
				}
				for (Map.Entry<Character, Integer> edge : this.trie.get(state).entrySet()) {
					char c = edge.getKey();
					int child = edge.getValue();
					int f = fail[state];
					while (true) {
						Integer candidate = this.trie.get(f).get(c);
						if (candidate != null && candidate != child) {
							fail[child] = candidate;
							break;
						}
						if (f == 0) {
							fail[child] = 0;
							break;
						}
						f = fail[f];
					}
					for (int label : merged.get(fail[child])) {
						if (!merged.get(child).contains(label)) {
							merged.get(child).add(label);
						}
					}
					if (c < ASCII) {
						asciiNext[state * ASCII + c] = child;
					}
					else {
						otherGoto.put(key(state, c), child);
					}
					queue.add(child);
				}
			}
			int[][] outputs = new int[states][];
			for (int s = 0; s < states; s++) {
				List<Integer> o = merged.get(s);
				outputs[s] = o.isEmpty() ? NO_OUTPUT : o.stream().mapToInt(Integer::intValue).toArray();
			}
			return new TermMatcher(asciiNext, Map.copyOf(otherGoto), fail, outputs, this.labels.toArray(String[]::new),
					this.phrases);
		}

	}

	@Override
	public String toString() {
		return "TermMatcher[phrases=" + this.size + ", labels=" + Arrays.toString(this.labels) + "]";
	}

}
