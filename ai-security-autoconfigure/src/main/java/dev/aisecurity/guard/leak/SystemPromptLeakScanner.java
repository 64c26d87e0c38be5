package dev.aisecurity.guard.leak;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.moderation.TermMatcher;
import dev.aisecurity.guard.text.AsciiBytes;
import dev.aisecurity.guard.text.Confusables;
import dev.aisecurity.guard.text.LinearSearch;

/**
 * Blocks model output that gives the system prompt away, by three independent signs:
 * <ol>
 * <li>{@code SYSTEM_PROMPT_CANARY}: the request's {@link Canary} appears in the
 * output;</li>
 * <li>{@code SYSTEM_PROMPT_OVERLAP}: the output reproduces a long enough stretch of the
 * system prompt. Both are cut into overlapping runs of {@code shingleSize} words over the
 * normalised text (so case, whitespace, punctuation and look-alike letters do not
 * matter); output words covered by shared runs are joined into stretches that may skip up
 * to {@code maxGap} words (so a changed, inserted or dropped word does not break a
 * stretch), and a stretch of at least {@code minLeakWords} covered words blocks. A system
 * prompt shorter than that blocks when {@code shortPromptCoverage} of its words come
 * back, and one shorter than {@code minPromptWords} is too generic to judge;</li>
 * <li>{@code PROTECTED_STRING}: one of the configured protected strings appears, on word
 * boundaries.</li>
 * </ol>
 * The system prompt comes from {@link ScanContext#systemPrompt()}. Output only.
 */
public final class SystemPromptLeakScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "system-prompt-leak";

	/** Finding category. */
	public static final String CATEGORY = "system-prompt-leak";

	/** Reason code: the canary appeared. */
	public static final String CANARY = "SYSTEM_PROMPT_CANARY";

	/** Reason code: a stretch of the system prompt was reproduced. */
	public static final String OVERLAP = "SYSTEM_PROMPT_OVERLAP";

	/** Reason code: a protected string appeared. */
	public static final String PROTECTED = "PROTECTED_STRING";

	private final int shingleSize;

	private final int minLeakWords;

	private final int maxGap;

	private final int minPromptWords;

	private final double shortPromptCoverage;

	private final TermMatcher protectedStrings;

	/**
	 * Shingle sets of recent system prompts, so that a prompt is indexed once, not on
	 * every call (a stream scans the same context many times). Bounded; an entry keeps
	 * the prompt's hash code, a weak reference to the prompt (identity is the key, and
	 * the text stays only as long as the request holds it) and the derived shingles,
	 * never the text itself.
	 */
	private final PromptCache prompts = new PromptCache();

	/**
	 * A scanner with default settings and no protected strings.
	 */
	public SystemPromptLeakScanner() {
		this(builder());
	}

	private SystemPromptLeakScanner(Builder builder) {
		this.shingleSize = builder.shingleSize;
		this.minLeakWords = builder.minLeakWords;
		this.maxGap = builder.maxGap;
		this.minPromptWords = builder.minPromptWords;
		this.shortPromptCoverage = builder.shortPromptCoverage;
		Map<String, String> phrases = new LinkedHashMap<>();
		for (String value : builder.protectedStrings) {
			phrases.put(value, PROTECTED);
		}
		this.protectedStrings = TermMatcher.of(phrases);
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean supports(Direction direction) {
		return direction == Direction.OUTPUT;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(0.5);
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		List<Finding> findings = new ArrayList<>(1);
		String canary = Canary.of(context.systemPrompt(), context.attributes());
		String systemPrompt = context.systemPrompt();
		PromptIndex prompt = (systemPrompt != null && !systemPrompt.isBlank()) ? index(systemPrompt) : null;
		// one pass over the words of the output: shingle overlap and the canary together
		Pass pass = new Pass(prompt, (canary != null) ? Canary.core(canary) : null);
		byte[] ascii = text.normalizedAscii();
		if (ascii != null) {
			pass.runAscii(ascii);
		}
		else {
			pass.run(text.normalized());
		}
		if (canary != null && (pass.canaryFound || Canary.appearsIn(text.hidden(), canary))) {
			findings.add(Finding.of(ID, CATEGORY, CANARY, 1.0));
		}
		if (this.protectedStrings.size() > 0 && (((ascii != null) ? this.protectedStrings.matchesAnyAscii(ascii)
				: this.protectedStrings.matchesAny(text.normalized()))
				|| this.protectedStrings.matchesAny(text.hidden()))) {
			findings.add(Finding.of(ID, CATEGORY, PROTECTED, 0.95));
		}
		if (prompt != null) {
			double overlap = overlapScore(prompt, pass.best);
			if (overlap > 0) {
				findings.add(Finding.of(ID, CATEGORY, OVERLAP, overlap));
			}
		}
		return findings;
	}

	private PromptIndex index(String systemPrompt) {
		PromptIndex cached = this.prompts.get(systemPrompt);
		if (cached != null) {
			return cached;
		}
		PromptIndex index = PromptIndex.build(systemPrompt, this.shingleSize);
		this.prompts.put(systemPrompt, index);
		return index;
	}

	/**
	 * 0 when the longest reproduced stretch is not long enough, else a score from 0.8
	 * (just long enough) to 1.
	 */
	private double overlapScore(PromptIndex prompt, int best) {
		int required;
		if (prompt.words >= this.minLeakWords) {
			required = this.minLeakWords;
		}
		else if (prompt.words >= this.minPromptWords) {
			required = (int) Math.ceil(prompt.words * this.shortPromptCoverage);
		}
		else {
			return 0;
		}
		required = Math.max(required, this.shingleSize);
		if (best < required) {
			return 0;
		}
		return Math.min(1.0, 0.8 + 0.2 * (best - required) / (double) required);
	}

	/** ASCII letters and digits lower-cased; 0 for every other ASCII character. */
	private static final char[] ASCII_WORD_LOWER = new char[128];

	static {
		for (char c = 0; c < 128; c++) {
			if (isWordChar(c)) {
				ASCII_WORD_LOWER[c] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
			}
		}
	}

	static boolean isWordChar(char c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
		}
		return Character.isLetterOrDigit(c);
	}

	/**
	 * One pass over the output's words: the longest stretch of covered words, and whether
	 * the canary's letters appear in order (separators between them ignored).
	 */
	private final class Pass {

		private final PromptIndex prompt;

		private final char[] core;

		private final int[] failure;

		private final boolean shingles;

		private final long[] ring;

		private int word = -1;

		private int slot;

		// the last word that does not follow the word before it anywhere in the prompt:
		// shingles that span the two cannot match
		private int lastBreak = -1;

		private long previousHash;

		private int segmentCovered;

		private int lastCovered = Integer.MIN_VALUE / 2;

		int best;

		boolean canaryFound;

		Pass(PromptIndex prompt, String core) {
			this.prompt = prompt;
			this.core = (core != null && !core.isEmpty()) ? core.toCharArray() : null;
			this.failure = (this.core != null) ? LinearSearch.borders(core) : null;
			int k = SystemPromptLeakScanner.this.shingleSize;
			this.shingles = prompt != null && prompt.words >= k;
			this.ring = new long[k];
		}

		void run(String output) {
			if (this.core != null) {
				this.canaryFound = findCanary(output);
			}
			if (!this.shingles) {
				return;
			}
			int length = output.length();
			int i = 0;
			while (i < length) {
				if (!isWordChar(output.charAt(i))) {
					i++;
					continue;
				}
				int start = i;
				do {
					i++;
				}
				while (i < length && isWordChar(output.charAt(i)));
				addWord(WordHash.ofChars(output, start, i));
			}
		}

		/**
		 * {@link #run} over the bytes of a normalised ASCII text (see
		 * {@link GuardText#normalizedAscii()}): words found from masks of 64 letters and
		 * digits at a time, no branch per character, and the canary on its own.
		 */
		void runAscii(byte[] output) {
			if (this.core == null && !this.shingles) {
				return;
			}
			int blocks = (output.length + 63) >>> 6;
			long[] masks = new long[blocks + 1];
			for (int block = 0; block < blocks; block++) {
				masks[block] = AsciiBytes.letterOrDigitMask(output, block << 6);
			}
			if (this.core != null) {
				this.canaryFound = findCanaryAscii(output, masks);
			}
			if (!this.shingles) {
				return;
			}
			long previous = 0;
			// the start of a word that runs on past the current block
			int open = -1;
			for (int block = 0; block < blocks; block++) {
				int base = block << 6;
				long mask = masks[block];
				long starts = mask & ~((mask << 1) | (previous >>> 63));
				long ends = mask & ~((mask >>> 1) | (masks[block + 1] << 63));
				while (ends != 0) {
					int end = base + Long.numberOfTrailingZeros(ends) + 1;
					ends &= ends - 1;
					int start;
					if (open >= 0) {
						start = open;
						open = -1;
					}
					else {
						start = base + Long.numberOfTrailingZeros(starts);
						starts &= starts - 1;
					}
					addWord(WordHash.ofBytes(output, start, end));
				}
				if (starts != 0) {
					open = base + Long.numberOfTrailingZeros(starts);
				}
				previous = mask;
			}
		}

		/**
		 * {@link #findCanary} over the bytes of a normalised ASCII text. From no partial
		 * match, only the core's first character followed by its second (or by the end of
		 * a word: the second may come after separators) can start one, and such places
		 * are found 64 bytes at a time; the automaton runs from each until it is back at
		 * no partial match.
		 */
		private boolean findCanaryAscii(byte[] output, long[] words) {
			char[] core = this.core;
			for (char c : core) {
				if (c >= 128) {
					// never among ASCII letters and digits
					return false;
				}
			}
			char first = core[0];
			char second = (core.length > 1) ? core[1] : first;
			int length = output.length;
			int blocks = words.length - 1;
			long seconds = (blocks > 0) ? AsciiBytes.equalMask(output, 0, second) : 0;
			// where the automaton may next leave its start state
			int resume = 0;
			for (int block = 0; block < blocks; block++) {
				int base = block << 6;
				long nextSeconds = (block + 1 < blocks) ? AsciiBytes.equalMask(output, base + 64, second) : 0;
				long firsts = AsciiBytes.equalMask(output, base, first);
				long followedBySecond = (seconds >>> 1) | (nextSeconds << 63);
				long endsWord = ~((words[block] >>> 1) | (words[block + 1] << 63));
				long candidates = (core.length > 1) ? firsts & (followedBySecond | endsWord) : firsts;
				while (candidates != 0) {
					int p = base + Long.numberOfTrailingZeros(candidates);
					candidates &= candidates - 1;
					if (p < resume) {
						continue;
					}
					int matched = 0;
					int i = p;
					do {
						char lower = ASCII_WORD_LOWER[output[i]];
						if (lower != 0) {
							matched = advance(matched, lower);
							if (matched == core.length) {
								return true;
							}
						}
						i++;
					}
					while (matched != 0 && i < length);
					resume = i;
				}
				seconds = nextSeconds;
			}
			return false;
		}

		/**
		 * The next word of the output, by its hash: extends the current stretch when the
		 * shingle it ends is one of the prompt's.
		 */
		private void addWord(long hash) {
			int k = SystemPromptLeakScanner.this.shingleSize;
			int word = ++this.word;
			// the ring slot of this word (word % k), without a division per word
			int slot = this.slot;
			this.slot = (slot + 1 == k) ? 0 : slot + 1;
			this.ring[slot] = hash;
			long previous = this.previousHash;
			this.previousHash = hash;
			if (word == 0 || !this.prompt.mayHavePair(previous, hash)) {
				this.lastBreak = word;
				return;
			}
			if (word - this.lastBreak < k - 1) {
				return;
			}
			// the shingle's first word sits in the slot after this one
			long shingle = PromptIndex.shingleFromSlot(this.ring, this.slot, k);
			if (!this.prompt.shingles.contains(shingle)) {
				return;
			}
			int first = word - k + 1;
			if (first - this.lastCovered - 1 > SystemPromptLeakScanner.this.maxGap) {
				this.segmentCovered = 0;
			}
			this.segmentCovered += word - Math.max(this.lastCovered, first - 1);
			this.lastCovered = word;
			this.best = Math.max(this.best, this.segmentCovered);
		}

		private int advance(int matched, char lower) {
			int m = matched;
			while (m > 0 && this.core[m] != lower) {
				m = this.failure[m - 1];
			}
			return (this.core[m] == lower) ? m + 1 : m;
		}

		/**
		 * Whether the canary's letters appear in order among the output's word
		 * characters, lower-cased (a KMP automaton over them).
		 */
		private boolean findCanary(String output) {
			char[] core = this.core;
			char first = core[0];
			int matched = 0;
			int length = output.length();
			for (int i = 0; i < length; i++) {
				char c = output.charAt(i);
				char lower;
				if (c < 128) {
					lower = ASCII_WORD_LOWER[c];
					if (lower == 0 || (matched == 0 && lower != first)) {
						continue;
					}
				}
				else if (Character.isLetterOrDigit(c)) {
					lower = Character.toLowerCase(c);
				}
				else {
					continue;
				}
				matched = advance(matched, lower);
				if (matched == core.length) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * A few recent prompts' indexes, looked up by the prompt's identity. Entries are
	 * immutable, so racing threads at worst index a prompt twice.
	 */
	private static final class PromptCache {

		private static final int SLOTS = 16;

		private final AtomicReferenceArray<Entry> entries = new AtomicReferenceArray<>(SLOTS);

		PromptIndex get(String prompt) {
			Entry entry = this.entries.get(slot(prompt));
			return (entry != null && entry.prompt.get() == prompt) ? entry.index : null;
		}

		void put(String prompt, PromptIndex index) {
			this.entries.set(slot(prompt), new Entry(new WeakReference<>(prompt), index));
		}

		private static int slot(String prompt) {
			int h = prompt.hashCode();
			return (h ^ (h >>> 16)) & (SLOTS - 1);
		}

		private record Entry(WeakReference<String> prompt, PromptIndex index) {
		}

	}

	/**
	 * The word shingles of one system prompt.
	 */
	private static final class PromptIndex {

		final int words;

		final LongSet shingles;

		/**
		 * One bit per pair of consecutive words of the prompt: two output words whose bit
		 * is clear follow each other nowhere in it, so no shingle spans them (a sharper
		 * filter than the words alone: common words are in most prompts, but rarely in
		 * the same order).
		 */
		private final long[] pairs;

		private final int pairShift;

		private PromptIndex(long[] wordHashes, int words, LongSet shingles) {
			this.words = words;
			this.shingles = shingles;
			int bits = Integer.highestOneBit(Math.max(64, words * 16) * 2 - 1);
			this.pairs = new long[bits / 64];
			this.pairShift = 64 - Integer.numberOfTrailingZeros(bits);
			for (int w = 1; w < words; w++) {
				int bit = pairBit(wordHashes[w - 1], wordHashes[w]);
				this.pairs[bit >>> 6] |= 1L << bit;
			}
		}

		boolean mayHavePair(long previousHash, long wordHash) {
			int bit = pairBit(previousHash, wordHash);
			return (this.pairs[bit >>> 6] & (1L << bit)) != 0;
		}

		private int pairBit(long previousHash, long wordHash) {
			return (int) (((previousHash * 0x9E3779B97F4A7C15L) ^ wordHash) * 0xC2B2AE3D27D4EB4FL >>> this.pairShift);
		}

		static PromptIndex build(String prompt, int k) {
			String normalized = Confusables.fold(prompt);
			long[] hashes = new long[16];
			int words = 0;
			int length = normalized.length();
			int i = 0;
			while (i < length) {
				while (i < length && !isWordChar(normalized.charAt(i))) {
					i++;
				}
				if (i >= length) {
					break;
				}
				int start = i;
				while (i < length && isWordChar(normalized.charAt(i))) {
					i++;
				}
				if (words == hashes.length) {
					hashes = Arrays.copyOf(hashes, words * 2);
				}
				hashes[words++] = WordHash.ofChars(normalized, start, i);
			}
			LongSet set = new LongSet(Math.max(16, words * 2));
			long[] ring = new long[k];
			for (int w = 0; w < words; w++) {
				ring[w % k] = hashes[w];
				if (w >= k - 1) {
					set.add(shingle(ring, w - k + 1, k));
				}
			}
			return new PromptIndex(hashes, words, set);
		}

		static long shingle(long[] ring, int firstWord, int k) {
			return shingleFromSlot(ring, firstWord % k, k);
		}

		/**
		 * The shingle of the {@code k} words in the ring from {@code firstSlot} on.
		 */
		static long shingleFromSlot(long[] ring, int firstSlot, int k) {
			long h = 0x9E3779B97F4A7C15L;
			int slot = firstSlot;
			for (int j = 0; j < k; j++) {
				h = (h ^ ring[slot]) * 0xff51afd7ed558ccdL;
				h ^= (h >>> 33);
				slot = (slot + 1 == k) ? 0 : slot + 1;
			}
			return h;
		}

	}

	/**
	 * Open-addressing set of longs (no boxing on the hot path).
	 */
	private static final class LongSet {

		private long[] keys;

		private boolean[] used;

		private int size;

		LongSet(int expected) {
			int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
			this.keys = new long[capacity];
			this.used = new boolean[capacity];
		}

		void add(long key) {
			if ((this.size + 1) * 2 > this.keys.length) {
				grow();
			}
			int mask = this.keys.length - 1;
			int slot = (int) (key ^ (key >>> 32)) & mask;
			while (this.used[slot]) {
				if (this.keys[slot] == key) {
					return;
				}
				slot = (slot + 1) & mask;
			}
			this.used[slot] = true;
			this.keys[slot] = key;
			this.size++;
		}

		boolean contains(long key) {
			int mask = this.keys.length - 1;
			int slot = (int) (key ^ (key >>> 32)) & mask;
			while (this.used[slot]) {
				if (this.keys[slot] == key) {
					return true;
				}
				slot = (slot + 1) & mask;
			}
			return false;
		}

		private void grow() {
			long[] oldKeys = this.keys;
			boolean[] oldUsed = this.used;
			this.keys = new long[oldKeys.length * 2];
			this.used = new boolean[oldKeys.length * 2];
			this.size = 0;
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldUsed[i]) {
					add(oldKeys[i]);
				}
			}
		}

	}

	/**
	 * Builds a {@link SystemPromptLeakScanner}.
	 */
	public static final class Builder {

		private int shingleSize = 4;

		private int minLeakWords = 12;

		private int maxGap = 3;

		private int minPromptWords = 8;

		private double shortPromptCoverage = 0.8;

		private List<String> protectedStrings = List.of();

		private Builder() {
		}

		/**
		 * Words per shingle (default 4).
		 */
		public Builder shingleSize(int shingleSize) {
			if (shingleSize < 2) {
				throw new IllegalArgumentException("shingleSize must be at least 2");
			}
			this.shingleSize = shingleSize;
			return this;
		}

		/**
		 * Covered words of a stretch that count as a leak (default 12).
		 */
		public Builder minLeakWords(int minLeakWords) {
			if (minLeakWords < 2) {
				throw new IllegalArgumentException("minLeakWords must be at least 2");
			}
			this.minLeakWords = minLeakWords;
			return this;
		}

		/**
		 * Uncovered words a stretch may skip (default 3).
		 */
		public Builder maxGap(int maxGap) {
			if (maxGap < 0) {
				throw new IllegalArgumentException("maxGap must not be negative");
			}
			this.maxGap = maxGap;
			return this;
		}

		/**
		 * Shortest system prompt, in words, checked for overlap (default 8).
		 */
		public Builder minPromptWords(int minPromptWords) {
			this.minPromptWords = Math.max(1, minPromptWords);
			return this;
		}

		/**
		 * Share of a short system prompt's words that counts as a leak (default 0.8).
		 */
		public Builder shortPromptCoverage(double shortPromptCoverage) {
			if (!(shortPromptCoverage > 0 && shortPromptCoverage <= 1)) {
				throw new IllegalArgumentException("shortPromptCoverage must be within (0, 1]");
			}
			this.shortPromptCoverage = shortPromptCoverage;
			return this;
		}

		/**
		 * Strings that must never appear in output (code names, internal URLs...).
		 */
		public Builder protectedStrings(List<String> protectedStrings) {
			this.protectedStrings = List.copyOf(Objects.requireNonNull(protectedStrings));
			return this;
		}

		public SystemPromptLeakScanner build() {
			return new SystemPromptLeakScanner(this);
		}

	}

}
