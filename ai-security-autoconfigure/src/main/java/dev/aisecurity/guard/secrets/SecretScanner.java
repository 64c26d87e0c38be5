package dev.aisecurity.guard.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Finds credentials (cloud keys, API tokens, private keys, JWTs, passwords in
 * configuration) in text going to or coming from the model, and redacts them by default:
 * each secret becomes {@code [REDACTED_SECRET:<TYPE>]}, with finding code
 * {@code SECRET_<TYPE>}.
 * <p>
 * One pass of a keyword automaton over the text decides which {@link SecretRule rules}
 * run at all; each rule then matches only near its keywords, with RE2/J patterns or
 * hand-written detectors, so the whole scan stays linear in the text's length. Immutable
 * and thread-safe; also usable on its own through {@link #findSecrets(String)} (for
 * example by a start-up check for hard-coded secrets).
 */
public final class SecretScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "secrets";

	/** Finding category. */
	public static final String CATEGORY = "secret";

	/** Prefix of every finding code. */
	public static final String CODE_PREFIX = "SECRET_";

	private final List<SecretRule> rules;

	private final KeywordIndex index;

	/** For each keyword of the index, the rules that use it. */
	private final int[][] rulesByKeyword;

	/**
	 * A scanner with the {@link SecretRules#defaults() default rules}.
	 */
	public SecretScanner() {
		this(Defaults.INSTANCE);
	}

	private SecretScanner(SecretScanner prototype) {
		this.rules = prototype.rules;
		this.index = prototype.index;
		this.rulesByKeyword = prototype.rulesByKeyword;
	}

	/**
	 * A scanner with the given rules.
	 */
	public SecretScanner(List<SecretRule> rules) {
		this.rules = List.copyOf(rules);
		List<String> keywords = new ArrayList<>();
		List<List<Integer>> owners = new ArrayList<>();
		for (int r = 0; r < this.rules.size(); r++) {
			for (String keyword : this.rules.get(r).keywords()) {
				int k = keywords.indexOf(keyword);
				if (k < 0) {
					keywords.add(keyword);
					owners.add(new ArrayList<>());
					k = keywords.size() - 1;
				}
				if (!owners.get(k).contains(r)) {
					owners.get(k).add(r);
				}
			}
		}
		this.index = new KeywordIndex(keywords);
		this.rulesByKeyword = new int[owners.size()][];
		for (int k = 0; k < owners.size(); k++) {
			this.rulesByKeyword[k] = owners.get(k).stream().mapToInt(Integer::intValue).toArray();
		}
	}

	/** The keyword automaton of the default rules, built once. */
	private static final class Defaults {

		static final SecretScanner INSTANCE = new SecretScanner(SecretRules.defaults());

	}

	/**
	 * The default rules plus the given ones.
	 */
	public static SecretScanner withAdditionalRules(List<SecretRule> additional) {
		List<SecretRule> all = new ArrayList<>(SecretRules.defaults());
		all.addAll(additional);
		return new SecretScanner(all);
	}

	public List<SecretRule> rules() {
		return this.rules;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.sanitize(0.5);
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		List<SecretMatch> matches = findSecrets(text.sanitized(), text.plainAscii());
		if (matches.isEmpty()) {
			return List.of();
		}
		List<Finding> findings = new ArrayList<>(matches.size());
		for (SecretMatch match : matches) {
			findings.add(Finding.span(ID, CATEGORY, CODE_PREFIX + match.type(), match.score(), match.start(),
					match.end(), replacement(match.type())));
		}
		return findings;
	}

	/**
	 * The text that replaces a secret of the given type.
	 */
	public static String replacement(String type) {
		return "[REDACTED_SECRET:" + type + "]";
	}

	/**
	 * Find the secrets in a text. Matches are ordered by position; a match inside another
	 * is dropped.
	 * @param text the text
	 * @return the matches, empty when there are none
	 */
	public List<SecretMatch> findSecrets(String text) {
		return findSecrets(Objects.requireNonNull(text, "text"), null);
	}

	/**
	 * {@link #findSecrets(String)} with the text's characters as bytes when it is plain
	 * ASCII ({@link GuardText#plainAscii()}), else {@code null}.
	 */
	private List<SecretMatch> findSecrets(String text, byte[] ascii) {
		int ruleCount = this.rules.size();
		int[][] hits = new int[ruleCount][];
		int[] hitCounts = new int[ruleCount];
		KeywordIndex.HitListener listener = (keyword, start) -> {
			for (int r : this.rulesByKeyword[keyword]) {
				int[] ruleHits = hits[r];
				if (ruleHits == null) {
					ruleHits = new int[4];
					hits[r] = ruleHits;
				}
				else if (hitCounts[r] == ruleHits.length) {
					ruleHits = Arrays.copyOf(ruleHits, ruleHits.length * 2);
					hits[r] = ruleHits;
				}
				// the automaton reports in order of keyword end; a shorter keyword may
				// start later than a longer one reported after it, so keep positions
				// sorted with a short insertion
				int position = hitCounts[r]++;
				while (position > 0 && ruleHits[position - 1] > start) {
					ruleHits[position] = ruleHits[position - 1];
					position--;
				}
				ruleHits[position] = Math.max(0, start);
			}
		};
		if (ascii != null) {
			this.index.find(ascii, listener);
		}
		else {
			this.index.find(text, listener);
		}
		List<SecretMatch> matches = new ArrayList<>();
		for (int r = 0; r < ruleCount; r++) {
			if (hitCounts[r] > 0) {
				this.rules.get(r).find(text, hits[r], hitCounts[r], matches);
			}
		}
		return resolve(matches);
	}

	/**
	 * Whether the text contains at least one secret.
	 */
	public boolean containsSecret(String text) {
		return !findSecrets(text).isEmpty();
	}

	/**
	 * Order by position and drop matches contained in a longer or earlier one.
	 */
	private static List<SecretMatch> resolve(List<SecretMatch> matches) {
		if (matches.size() <= 1) {
			return matches;
		}
		matches.sort(Comparator.comparingInt(SecretMatch::start)
			.thenComparing(Comparator.comparingInt(SecretMatch::end).reversed()));
		List<SecretMatch> kept = new ArrayList<>(matches.size());
		int coveredUntil = -1;
		for (SecretMatch match : matches) {
			if (match.end() <= coveredUntil) {
				continue;
			}
			kept.add(match);
			coveredUntil = Math.max(coveredUntil, match.end());
		}
		return kept;
	}

}
