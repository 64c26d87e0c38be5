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

	private final double boost;

	private final double penalty;

	private ContextWords(Map<String, Set<String>> positive, Set<String> negative, double boost, double penalty) {
		this.positive = positive;
		this.negative = negative;
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
	 * The entity with its score adjusted for the words around it.
	 */
	PiiEntity enhance(PiiText text, PiiEntity entity) {
		Set<String> supporting = this.positive.get(entity.type());
		if ((supporting == null || supporting.isEmpty()) && this.negative.isEmpty()) {
			return entity;
		}
		boolean support = false;
		boolean against = false;
		int first = text.tokenAtOrAfter(entity.start());
		int seen = 0;
		for (int t = first - 1; t >= 0 && seen < WORDS_BEFORE; t--, seen++) {
			String word = lower(text, t);
			support |= matches(supporting, word);
			against |= this.negative.contains(word);
		}
		int after = text.tokenAtOrAfter(entity.end());
		for (int t = after; t < text.tokenCount() && t < after + WORDS_AFTER; t++) {
			support |= matches(supporting, lower(text, t));
		}
		if (support) {
			return entity.withScore(Math.min(1.0, entity.score() + this.boost));
		}
		if (against) {
			return entity.withScore(Math.max(0, entity.score() - this.penalty));
		}
		return entity;
	}

	private static String lower(PiiText text, int token) {
		return text.text().substring(text.tokenStart(token), text.tokenEnd(token)).toLowerCase(Locale.ROOT);
	}

	private static boolean matches(Set<String> supporting, String word) {
		if (supporting == null) {
			return false;
		}
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

	@Override
	public String toString() {
		return "ContextWords[" + this.positive.size() + " types]";
	}

}
