package dev.aisecurity.guard.secrets;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * One kind of secret: a cheap keyword prefilter, then either an RE2/J pattern (linear
 * time) or a hand-written {@link SecretDetector}, then an optional entropy minimum and
 * validator (checksums, structure). Immutable; build one with
 * {@link #builder(String, String)}.
 * <p>
 * A pattern is applied only to windows of {@link #window()} characters around keyword
 * occurrences, so ordinary text that merely mentions a keyword costs little; windows of
 * one rule are merged, so no character is matched twice by the same rule.
 */
public final class SecretRule {

	private final String id;

	private final String type;

	private final List<String> keywords;

	private final Pattern pattern;

	private final int secretGroup;

	private final SecretDetector detector;

	private final int window;

	private final double minEntropy;

	private final Predicate<String> validator;

	private final Predicate<String> confirmation;

	private final double score;

	private final boolean boundaries;

	private final boolean anchored;

	private final HitCheck hitCheck;

	private SecretRule(Builder builder) {
		this.id = builder.id;
		this.type = builder.type;
		this.keywords = List.copyOf(builder.keywords);
		this.pattern = builder.pattern;
		this.secretGroup = builder.secretGroup;
		this.detector = builder.detector;
		this.window = builder.window;
		this.minEntropy = builder.minEntropy;
		this.validator = builder.validator;
		this.confirmation = builder.confirmation;
		this.score = builder.score;
		this.boundaries = builder.boundaries;
		this.anchored = builder.anchored;
		this.hitCheck = builder.hitCheck;
	}

	/**
	 * Start a rule.
	 * @param id stable rule id, lower case with dashes, for example
	 * {@code aws-access-key}
	 * @param type the kind of secret, upper case with underscores, for example
	 * {@code AWS_ACCESS_KEY}; finding codes are {@code SECRET_<type>}
	 */
	public static Builder builder(String id, String type) {
		return new Builder(id, type);
	}

	public String id() {
		return this.id;
	}

	public String type() {
		return this.type;
	}

	/** Finding code of this rule's matches. */
	public String code() {
		return "SECRET_" + this.type;
	}

	public List<String> keywords() {
		return this.keywords;
	}

	public int window() {
		return this.window;
	}

	public double minEntropy() {
		return this.minEntropy;
	}

	/**
	 * Find this rule's secrets, given the start positions of its keywords in the text.
	 */
	void find(String text, int[] hits, int hitCount, List<SecretMatch> out) {
		if (this.detector != null) {
			this.detector.detect(text, hits, hitCount,
					(start, end, matchScore) -> accept(text, start, end, matchScore, out));
			return;
		}
		if (this.anchored) {
			findAnchored(text, hits, hitCount, out);
			return;
		}
		int length = text.length();
		int i = 0;
		while (i < hitCount) {
			int windowStart = Math.max(0, hits[i] - this.window);
			int windowEnd = Math.min(length, hits[i] + this.window);
			boolean possible = this.hitCheck == null || this.hitCheck.mayMatch(text, hits[i]);
			i++;
			while (i < hitCount && hits[i] - this.window <= windowEnd) {
				windowEnd = Math.min(length, hits[i] + this.window);
				possible = possible || this.hitCheck.mayMatch(text, hits[i]);
				i++;
			}
			if (!possible) {
				continue;
			}
			String slice = text.substring(windowStart, windowEnd);
			Matcher matcher = this.pattern.matcher(slice);
			int from = 0;
			while (from <= slice.length() && matcher.find(from)) {
				int start = matcher.start(this.secretGroup);
				int end = matcher.end(this.secretGroup);
				if (start >= 0 && end > start) {
					accept(text, windowStart + start, windowStart + end, this.score, out);
				}
				from = Math.max(matcher.end(), matcher.start() + 1);
			}
		}
	}

	/**
	 * Matches that start at a keyword: one anchored attempt per keyword occurrence,
	 * bounded by the window. An occurrence glued to a word character before it is skipped
	 * without an attempt (the boundary check would reject its match), and so is one
	 * inside the word run or match of an earlier attempt: floods of a keyword cost one
	 * attempt per run, not one per occurrence.
	 */
	private void findAnchored(String text, int[] hits, int hitCount, List<SecretMatch> out) {
		int length = text.length();
		int skipUntil = -1;
		for (int h = 0; h < hitCount; h++) {
			int hit = hits[h];
			if (hit < skipUntil) {
				continue;
			}
			int run = hit;
			while (run < length && isWordChar(text.charAt(run))) {
				run++;
			}
			skipUntil = this.boundaries ? Math.max(run, hit + 1) : hit + 1;
			if (this.boundaries && hit > 0 && (isWordChar(text.charAt(hit - 1)) || text.charAt(hit - 1) == '.')) {
				continue;
			}
			int windowEnd = Math.min(length, hit + this.window);
			Matcher matcher = this.pattern.matcher(CharBuffer.wrap(text, hit, windowEnd));
			if (matcher.lookingAt()) {
				int start = matcher.start(this.secretGroup);
				int end = matcher.end(this.secretGroup);
				if (start >= 0 && end > start) {
					accept(text, hit + start, hit + end, this.score, out);
				}
				skipUntil = Math.max(skipUntil, hit + matcher.end());
			}
		}
	}

	private void accept(String text, int start, int end, double matchScore, List<SecretMatch> out) {
		if (start < 0 || end > text.length() || end <= start) {
			return;
		}
		if (this.boundaries && !atBoundaries(text, start, end)) {
			return;
		}
		if (this.minEntropy > 0 && Entropy.shannon(text, start, end) < this.minEntropy) {
			return;
		}
		String value = null;
		if (this.validator != null) {
			value = text.substring(start, end);
			if (!this.validator.test(value)) {
				return;
			}
		}
		double finalScore = matchScore;
		if (this.confirmation != null) {
			if (value == null) {
				value = text.substring(start, end);
			}
			// a passed checksum makes a match certain; a failed one leaves it probable,
			// since test and sample tokens rarely carry valid checksums
			finalScore = this.confirmation.test(value) ? 1.0 : Math.min(matchScore, 0.8);
		}
		out.add(new SecretMatch(this.id, this.type, start, end, finalScore));
	}

	/**
	 * A token must not be glued to surrounding word characters: no letter, digit or
	 * underscore on either side, no dot before it (file names such as
	 * {@code box.ico-7a38...}) and no dot followed by a word character after it.
	 */
	static boolean atBoundaries(String text, int start, int end) {
		if (start > 0) {
			char before = text.charAt(start - 1);
			if (isWordChar(before) || before == '.') {
				return false;
			}
		}
		if (end < text.length()) {
			char after = text.charAt(end);
			if (isWordChar(after)) {
				return false;
			}
			if (after == '.' && end + 1 < text.length() && isWordChar(text.charAt(end + 1))) {
				return false;
			}
		}
		return true;
	}

	static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	@Override
	public String toString() {
		return "SecretRule[" + this.id + "]";
	}

	/**
	 * A cheap test of one keyword occurrence, for a pattern rule whose every match
	 * contains a keyword occurrence that passes it: a window none of whose occurrences
	 * passes is not searched at all. Every occurrence of a keyword in a window is among
	 * the window's hits (windows merge when they overlap), so the skip is exact.
	 */
	@FunctionalInterface
	interface HitCheck {

		boolean mayMatch(String text, int hit);

	}

	/**
	 * Builds a {@link SecretRule}.
	 */
	public static final class Builder {

		private final String id;

		private final String type;

		private final List<String> keywords = new ArrayList<>();

		private Pattern pattern;

		private int secretGroup;

		private SecretDetector detector;

		private int window = 256;

		private double minEntropy;

		private Predicate<String> validator;

		private Predicate<String> confirmation;

		private double score = 0.9;

		private boolean boundaries = true;

		private boolean anchored;

		private HitCheck hitCheck;

		private Builder(String id, String type) {
			this.id = Objects.requireNonNull(id, "id");
			this.type = Objects.requireNonNull(type, "type").toUpperCase(Locale.ROOT);
			if (id.isBlank() || !this.type.matches("[A-Z0-9_]+")) {
				throw new IllegalArgumentException("rule id must not be blank and type must be [A-Z0-9_]+");
			}
		}

		/**
		 * Keywords of the prefilter (ASCII, matched case-insensitively); the rule runs
		 * only when one occurs. Required.
		 */
		public Builder keywords(String... keywords) {
			for (String keyword : keywords) {
				if (keyword == null || keyword.isEmpty()) {
					throw new IllegalArgumentException("keywords must not be empty");
				}
				this.keywords.add(keyword.toLowerCase(Locale.ROOT));
			}
			return this;
		}

		/**
		 * The RE2/J pattern; the secret is group {@code secretGroup} (0: the whole
		 * match).
		 */
		public Builder pattern(String regex, int secretGroup) {
			this.pattern = Pattern.compile(regex);
			if (secretGroup < 0 || secretGroup > this.pattern.groupCount()) {
				throw new IllegalArgumentException("pattern has no group " + secretGroup);
			}
			this.secretGroup = secretGroup;
			return this;
		}

		public Builder pattern(String regex) {
			return pattern(regex, 0);
		}

		/**
		 * A hand-written matcher instead of a pattern.
		 */
		public Builder detector(SecretDetector detector) {
			this.detector = Objects.requireNonNull(detector);
			return this;
		}

		/**
		 * How far from a keyword occurrence a match may reach, in characters (default
		 * 256).
		 */
		public Builder window(int window) {
			if (window < 1) {
				throw new IllegalArgumentException("window must be positive");
			}
			this.window = window;
			return this;
		}

		/**
		 * Minimum Shannon entropy of the secret, in bits per character (default 0: no
		 * check).
		 */
		public Builder minEntropy(double minEntropy) {
			this.minEntropy = minEntropy;
			return this;
		}

		/**
		 * A structural check the secret must pass.
		 */
		public Builder validator(Predicate<String> validator) {
			this.validator = validator;
			return this;
		}

		/**
		 * A checksum that, when it passes, makes a match certain (score 1) and, when it
		 * fails, leaves it at most 0.8.
		 */
		public Builder confirmation(Predicate<String> confirmation) {
			this.confirmation = confirmation;
			return this;
		}

		/** Score of a match (default 0.9). */
		public Builder score(double score) {
			if (score < 0 || score > 1) {
				throw new IllegalArgumentException("score must be within [0, 1]");
			}
			this.score = score;
			return this;
		}

		/**
		 * Whether the secret must not touch word characters on either side (default
		 * true).
		 */
		public Builder boundaries(boolean boundaries) {
			this.boundaries = boundaries;
			return this;
		}

		/**
		 * Whether every match starts with one of the keywords (a token prefix such as
		 * {@code ghp_}): the pattern is then tried once at each keyword occurrence
		 * instead of searched for around it, which keeps keyword floods cheap.
		 */
		public Builder anchored(boolean anchored) {
			this.anchored = anchored;
			return this;
		}

		/**
		 * A necessary condition on a keyword occurrence for a match around it (see
		 * {@link HitCheck}); pattern rules that are not anchored only.
		 */
		Builder hitCheck(HitCheck hitCheck) {
			this.hitCheck = Objects.requireNonNull(hitCheck);
			return this;
		}

		public SecretRule build() {
			if (this.keywords.isEmpty()) {
				throw new IllegalStateException("rule " + this.id + " needs at least one keyword");
			}
			if ((this.pattern == null) == (this.detector == null)) {
				throw new IllegalStateException("rule " + this.id + " needs exactly one of pattern or detector");
			}
			if (this.hitCheck != null && (this.pattern == null || this.anchored)) {
				throw new IllegalStateException("rule " + this.id + ": a hit check applies to searched patterns only");
			}
			return new SecretRule(this);
		}

	}

}
