package dev.aisecurity.guard.pii;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words near a candidate that make it more or less likely to be the entity: "my card
 * number is ..." raises a credit-card score, "order number ..." lowers it. The words
 * within a few words before (and fewer after) the candidate are compared to per-type
 * lists; a word matches a list entry when it starts with it ("passports" matches
 * "passport").
 */
public final class ContextWords {

	/** Added to a candidate's score when a supporting word is near. */
	public static final double DEFAULT_BOOST = 0.35;

	/** Subtracted when only a contradicting word is near. */
	public static final double DEFAULT_PENALTY = 0.3;

	static final int WORDS_BEFORE = 6;

	static final int WORDS_AFTER = 3;

	private final Map<String, Set<String>> positive;

	private final Set<String> negative;

	/**
	 * The same words by their first character (ASCII only), compared with ASCII tokens
	 * without building strings.
	 */
	private final Map<String, String[][]> positiveEntries;

	private final String[][] negativeEntries;

	private final double boost;

	private final double penalty;

	private ContextWords(Map<String, Set<String>> positive, Set<String> negative, double boost, double penalty) {
		this.positive = positive;
		this.negative = negative;
		Map<String, String[][]> entries = new HashMap<>();
		positive.forEach((type, words) -> entries.put(type, byFirstChar(words)));
		this.positiveEntries = entries;
		this.negativeEntries = byFirstChar(negative);
		this.boost = boost;
		this.penalty = penalty;
	}

	/**
	 * The built-in lists.
	 */
	public static ContextWords defaults() {
		Map<String, Set<String>> words = new HashMap<>();
		put(words, PiiTypes.EMAIL_ADDRESS, "email", "e-mail", "mail", "contact", "address");
		put(words, PiiTypes.PHONE_NUMBER, "phone", "telephone", "tel", "cell", "mobile", "call", "fax", "number",
				"whatsapp", "contact", "dial");
		put(words, PiiTypes.CREDIT_CARD, "card", "credit", "debit", "visa", "mastercard", "amex", "cc", "payment",
				"pan");
		put(words, PiiTypes.IBAN_CODE, "iban", "bank", "account", "transfer", "wire", "sepa");
		put(words, PiiTypes.US_SSN, "ssn", "social", "security", "ssns");
		put(words, PiiTypes.IP_ADDRESS, "ip", "ipv4", "ipv6", "address", "host", "server");
		put(words, PiiTypes.URL, "url", "website", "link", "site", "domain");
		put(words, PiiTypes.CRYPTO, "wallet", "btc", "bitcoin", "crypto", "address");
		put(words, PiiTypes.ABA_ROUTING_NUMBER, "aba", "routing", "bank", "transit", "rtn");
		put(words, PiiTypes.UK_NHS, "nhs", "health", "patient", "national");
		put(words, PhoneRecognizer.PH_MOBILE_NUMBER, "phone", "mobile", "cell", "number", "contact", "call");
		put(words, PhoneRecognizer.TR_PHONE_NUMBER, "phone", "telefon", "mobile", "cep", "numara", "number");
		NationalIdRecognizers.contextWords(words);
		IdentityDocumentRecognizers.contextWords(words);
		VehicleAndPostalRecognizers.contextWords(words);
		TaxAndRegistryRecognizers.contextWords(words);
		Set<String> negative = Set.of("order", "invoice", "tracking", "ticket", "isbn", "serial", "sku", "version",
				"build", "commit", "hash", "checksum", "reference", "ref", "example", "sample", "test", "dummy",
				"fake");
		return new ContextWords(words, negative, DEFAULT_BOOST, DEFAULT_PENALTY);
	}

	/**
	 * No context: scores stay as the recognisers report them.
	 */
	public static ContextWords none() {
		return new ContextWords(Map.of(), Set.of(), 0, 0);
	}

	static void put(Map<String, Set<String>> words, String type, String... entries) {
		words.computeIfAbsent(type, (t) -> new HashSet<>()).addAll(List.of(entries));
	}

	/**
	 * A copy with extra supporting words for a type.
	 */
	public ContextWords with(String type, List<String> entries) {
		Map<String, Set<String>> copy = new HashMap<>();
		this.positive.forEach((k, v) -> copy.put(k, new HashSet<>(v)));
		for (String entry : entries) {
			put(copy, type, entry.toLowerCase(Locale.ROOT));
		}
		return new ContextWords(copy, this.negative, (this.boost > 0) ? this.boost : DEFAULT_BOOST, this.penalty);
	}

	/**
	 * The entities with their scores adjusted for the words around them, in the given
	 * order. The words near each entity are found by scanning outwards from it, the
	 * entities taken in text order so that no stretch of text is scanned twice; with the
	 * shortcuts off ({@link PiiText#exhaustive(String)}) they are looked up in the full
	 * token index instead.
	 */
	PiiEntity[] enhance(PiiText text, List<PiiEntity> entities) {
		int count = entities.size();
		PiiEntity[] result = entities.toArray(new PiiEntity[0]);
		if (count == 0 || (this.positive.isEmpty() && this.negative.isEmpty())) {
			return result;
		}
		boolean[] support = new boolean[count];
		boolean[] against = new boolean[count];
		if (text.isExhaustive()) {
			for (int i = 0; i < count; i++) {
				indexedWords(text, entities.get(i), i, support, against);
			}
		}
		else {
			wordsBefore(text, entities, support, against);
			wordsAfter(text, entities, support);
		}
		for (int i = 0; i < count; i++) {
			PiiEntity entity = result[i];
			if (support[i]) {
				result[i] = entity.withScore(Math.min(1.0, entity.score() + this.boost));
			}
			else if (against[i]) {
				result[i] = entity.withScore(Math.max(0, entity.score() - this.penalty));
			}
		}
		return result;
	}

	private void indexedWords(PiiText text, PiiEntity entity, int i, boolean[] support, boolean[] against) {
		int first = text.tokenAtOrAfter(entity.start());
		int seen = 0;
		for (int t = first - 1; t >= 0 && seen < WORDS_BEFORE; t--, seen++) {
			support[i] |= supports(entity.type(), text.text(), text.tokenStart(t), text.tokenEnd(t));
			against[i] |= contradicts(text.text(), text.tokenStart(t), text.tokenEnd(t));
		}
		int after = text.tokenAtOrAfter(entity.end());
		for (int t = after; t < text.tokenCount() && t < after + WORDS_AFTER; t++) {
			support[i] |= supports(entity.type(), text.text(), text.tokenStart(t), text.tokenEnd(t));
		}
	}

	/**
	 * The {@link #WORDS_BEFORE} tokens starting before each entity. Entities are visited
	 * by start; the tokens starting between the previous start and this one are found
	 * scanning backwards, at most once each, and the older ones are kept from before.
	 */
	private void wordsBefore(PiiText text, List<PiiEntity> entities, boolean[] support, boolean[] against) {
		String s = text.text();
		int[] order = order(entities, true);
		// the tokens starting before 'known', nearest first
		int[] ring = new int[2 * WORDS_BEFORE];
		int ringSize = 0;
		int[] fresh = new int[2 * WORDS_BEFORE];
		int known = 0;
		int straddleStart = -1;
		int straddleEnd = -1;
		for (int index : order) {
			PiiEntity entity = entities.get(index);
			int position = entity.start();
			if (position > known) {
				int found = 0;
				int cursor = position;
				while (found < WORDS_BEFORE) {
					int end = cursor;
					while (end > known && !PiiText.isWordChar(s.charAt(end - 1))) {
						end--;
					}
					if (end == known) {
						break;
					}
					int start = end - 1;
					while (start > known && PiiText.isWordChar(s.charAt(start - 1))) {
						start--;
					}
					if (start == known && known > 0 && PiiText.isWordChar(s.charAt(known - 1))) {
						break; // the token started before 'known' and is in the ring
								// already
					}
					if (end == position && position < s.length() && PiiText.isWordChar(s.charAt(position))) {
						// a token running on past the entity's start
						if (start != straddleStart) {
							straddleStart = start;
							straddleEnd = position;
							while (straddleEnd < s.length() && PiiText.isWordChar(s.charAt(straddleEnd))) {
								straddleEnd++;
							}
						}
						end = straddleEnd;
					}
					fresh[2 * found] = start;
					fresh[2 * found + 1] = end;
					found++;
					cursor = start;
				}
				int keep = Math.min(ringSize, WORDS_BEFORE - found);
				System.arraycopy(ring, 0, ring, 2 * found, 2 * keep);
				System.arraycopy(fresh, 0, ring, 0, 2 * found);
				ringSize = found + keep;
				known = position;
			}
			String[][] words = this.positiveEntries.get(entity.type());
			for (int k = 0; k < ringSize; k++) {
				support[index] |= supports(words, entity.type(), s, ring[2 * k], ring[2 * k + 1]);
				against[index] |= contradicts(s, ring[2 * k], ring[2 * k + 1]);
			}
		}
	}

	/**
	 * The {@link #WORDS_AFTER} tokens starting at or after each entity's end. Entities
	 * are visited by end; the scan for further tokens only moves forwards.
	 */
	private void wordsAfter(PiiText text, List<PiiEntity> entities, boolean[] support) {
		String s = text.text();
		int n = s.length();
		int[] order = order(entities, false);
		// the tokens starting at or after 'from', up to 'scanned'
		int[] queue = new int[2 * WORDS_AFTER];
		int queued = 0;
		int scanned = 0;
		for (int index : order) {
			PiiEntity entity = entities.get(index);
			int position = entity.end();
			int drop = 0;
			while (drop < queued && queue[2 * drop] < position) {
				drop++;
			}
			System.arraycopy(queue, 2 * drop, queue, 0, 2 * (queued - drop));
			queued -= drop;
			if (position > scanned) {
				queued = 0;
				scanned = position;
				if (position > 0 && position < n && PiiText.isWordChar(s.charAt(position - 1))) {
					// inside a token that started before the entity's end
					while (scanned < n && PiiText.isWordChar(s.charAt(scanned))) {
						scanned++;
					}
				}
			}
			while (queued < WORDS_AFTER && scanned < n) {
				int start = scanned;
				while (start < n && !PiiText.isWordChar(s.charAt(start))) {
					start++;
				}
				if (start == n) {
					scanned = n;
					break;
				}
				int end = start + 1;
				while (end < n && PiiText.isWordChar(s.charAt(end))) {
					end++;
				}
				queue[2 * queued] = start;
				queue[2 * queued + 1] = end;
				queued++;
				scanned = end;
			}
			String[][] words = this.positiveEntries.get(entity.type());
			for (int k = 0; k < queued; k++) {
				support[index] |= supports(words, entity.type(), s, queue[2 * k], queue[2 * k + 1]);
			}
		}
	}

	/** Entity indices by start (or end), ties in list order. */
	private static int[] order(List<PiiEntity> entities, boolean byStart) {
		long[] keys = new long[entities.size()];
		for (int i = 0; i < keys.length; i++) {
			PiiEntity entity = entities.get(i);
			keys[i] = ((long) (byStart ? entity.start() : entity.end()) << 32) | i;
		}
		java.util.Arrays.sort(keys);
		int[] order = new int[keys.length];
		for (int i = 0; i < keys.length; i++) {
			order[i] = (int) keys[i];
		}
		return order;
	}

	private static String[][] byFirstChar(Set<String> words) {
		List<List<String>> lists = new java.util.ArrayList<>();
		for (int c = 0; c < 128; c++) {
			lists.add(new java.util.ArrayList<>());
		}
		for (String word : words) {
			if (!word.isEmpty() && word.charAt(0) < 128) {
				lists.get(word.charAt(0)).add(word);
			}
		}
		String[][] index = new String[128][];
		for (int c = 0; c < 128; c++) {
			index[c] = lists.get(c).toArray(new String[0]);
		}
		return index;
	}

	private static char lowerAscii(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	private boolean supports(String type, String text, int start, int end) {
		return supports(this.positiveEntries.get(type), type, text, start, end);
	}

	/**
	 * Like {@link #supports(String, String, int, int)} with the type's entries by first
	 * character, looked up once per entity.
	 */
	private boolean supports(String[][] index, String type, String text, int start, int end) {
		if (index == null) {
			return false;
		}
		if (!isAscii(text, start, end)) {
			return matches(this.positive.get(type), lower(text, start, end));
		}
		int length = end - start;
		for (String entry : index[lowerAscii(text.charAt(start))]) {
			int size = entry.length();
			if ((size == length || (size >= 4 && size < length)) && startsWithLower(text, start, entry)) {
				return true;
			}
		}
		return false;
	}

	private boolean contradicts(String text, int start, int end) {
		if (!isAscii(text, start, end)) {
			return this.negative.contains(lower(text, start, end));
		}
		int length = end - start;
		for (String entry : this.negativeEntries[lowerAscii(text.charAt(start))]) {
			if (entry.length() == length && startsWithLower(text, start, entry)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isAscii(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (text.charAt(i) >= 128) {
				return false;
			}
		}
		return true;
	}

	/** Whether the ASCII text at {@code start}, lower-cased, begins with the entry. */
	private static boolean startsWithLower(String text, int start, String entry) {
		for (int i = 0; i < entry.length(); i++) {
			if (lowerAscii(text.charAt(start + i)) != entry.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean matches(Set<String> supporting, String word) {
		if (supporting.contains(word)) {
			return true;
		}
		for (String entry : supporting) {
			if (entry.length() >= 4 && word.startsWith(entry)) {
				return true;
			}
		}
		return false;
	}

	private static String lower(String text, int start, int end) {
		return text.substring(start, end).toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return "ContextWords[" + this.positive.size() + " types]";
	}

}
