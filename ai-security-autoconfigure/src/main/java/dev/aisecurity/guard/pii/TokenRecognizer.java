package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Set;

/**
 * Recognises values made of one or more consecutive tokens joined by single separator
 * characters ({@code 4111 1111 1111 1111}, {@code 078-05-1120}, {@code DE89 3704 ...}).
 * For each start token it tries the longest join first and reports the first candidate
 * the validator accepts, then continues after it: linear in the number of tokens.
 */
public final class TokenRecognizer implements PiiRecognizer {

	/**
	 * Decides whether a candidate is the entity and how sure that is.
	 */
	@FunctionalInterface
	public interface Validator {

		/**
		 * @return the score, or a negative number to reject the candidate
		 */
		double score(Candidate candidate);

	}

	/**
	 * A cheap test on a candidate's first token.
	 */
	@FunctionalInterface
	public interface FirstToken {

		boolean accept(PiiText text, int token);

	}

	private final String type;

	private final String separators;

	private final int maxTokens;

	private final int minLength;

	private final int maxLength;

	private final boolean digitsOnly;

	private final Validator validator;

	private final FirstToken firstToken;

	private final boolean requireDigit;

	private final int minGroups;

	/** Whether every start token must be joined to the next by a visible separator. */
	private final boolean joinedStartsOnly;

	/**
	 * Whether the separators are among those {@link PiiText#digitRunLength(int)} and
	 * {@link PiiText#asciiRunLength(int)} join, so that those bound a candidate's length.
	 */
	private final boolean runBounded;

	/** Whether a candidate starts with a token holding a digit or a capital letter. */
	private final boolean digitOrCapitalStart;

	private TokenRecognizer(Builder builder) {
		this.type = builder.type;
		this.separators = builder.separators;
		this.maxTokens = builder.maxTokens;
		this.minLength = builder.minLength;
		this.maxLength = builder.maxLength;
		this.digitsOnly = builder.digitsOnly;
		this.validator = builder.validator;
		this.firstToken = builder.firstToken;
		this.requireDigit = builder.requireDigit;
		this.minGroups = builder.minGroups;
		this.digitOrCapitalStart = builder.digitOrCapitalStart;
		boolean visibleSeparators = !this.separators.isEmpty();
		for (int i = 0; i < this.separators.length(); i++) {
			visibleSeparators &= this.separators.charAt(i) > ' ';
		}
		this.joinedStartsOnly = this.minGroups > 1 && visibleSeparators;
		boolean within = true;
		for (int i = 0; i < this.separators.length(); i++) {
			within &= (this.digitsOnly ? PiiText.DIGIT_SEPARATORS : PiiText.ASCII_SEPARATORS)
				.indexOf(this.separators.charAt(i)) >= 0;
		}
		this.runBounded = within;
	}

	public static Builder builder(String type) {
		return new Builder(type);
	}

	@Override
	public Set<String> types() {
		return Set.of(this.type);
	}

	@Override
	public void recognize(PiiText fullText, List<PiiEntity> out) {
		PiiText text = view(fullText);
		// length bounds, off on the general path so that tests compare with it
		boolean bounded = this.runBounded && !fullText.isExhaustive();
		if (this.digitsOnly && bounded && text.maxDigitRun() < this.minLength) {
			return;
		}
		int count = text.tokenCount();
		StringBuilder compact = new StringBuilder(this.maxLength + 8);
		int[] lengths = new int[this.maxTokens];
		char[] gaps = new char[this.maxTokens];
		if (this.digitsOnly && bounded && !this.joinedStartsOnly && this.minLength > 0) {
			// the starts that pass the length bound below are digit-only tokens
			tryStarts(text, text.digitOnlyTokens(), bounded, compact, lengths, gaps, out);
			return;
		}
		if (this.requireDigit && this.maxTokens == 1 && !this.joinedStartsOnly && !fullText.isExhaustive()) {
			// a candidate is a single token with a digit and the minimum length
			for (int token : text.tokensWithDigit()) {
				if (text.tokenLength(token) >= this.minLength) {
					tryAt(text, token, compact, lengths, gaps, out);
				}
			}
			return;
		}
		if (this.digitOrCapitalStart && !this.joinedStartsOnly && !fullText.isExhaustive()) {
			// tryAt refuses every other start
			tryStarts(text, text.tokensWithDigitOrCapital(), bounded, compact, lengths, gaps, out);
			return;
		}
		int i = 0;
		while (i < count) {
			if (this.requireDigit) {
				// jump to the first start from which a join can reach a token with a
				// digit
				int digit = text.nextTokenWithDigit(i);
				if (digit >= count) {
					break;
				}
				i = Math.max(i, digit - this.maxTokens + 1);
			}
			if (this.joinedStartsOnly) {
				// a start token not followed by a separator cannot begin a join
				i = text.nextJoinedToken(i);
				if (i >= count) {
					break;
				}
			}
			if (bounded && (this.digitsOnly ? text.digitRunLength(i) : text.asciiRunLength(i)) < this.minLength) {
				// no join from here reaches the minimum length
				i++;
				continue;
			}
			int matchedEnd = tryAt(text, i, compact, lengths, gaps, out);
			i = (matchedEnd > i) ? matchedEnd : i + 1;
		}
	}

	/**
	 * The starts the loop of {@link #recognize} would try among {@code starts}, in the
	 * same order and with the same skips (a join that cannot reach a digit, a run too
	 * short, a start inside the last match), without visiting the tokens between them.
	 */
	private void tryStarts(PiiText text, int[] starts, boolean bounded, StringBuilder compact, int[] lengths,
			char[] gaps, List<PiiEntity> out) {
		int next = 0;
		for (int token : starts) {
			if (token < next
					|| (this.requireDigit && !text.tokenHasDigit(token)
							&& text.nextTokenWithDigit(token) - token >= this.maxTokens)
					|| (bounded && (this.digitsOnly ? text.digitRunLength(token)
							: text.asciiRunLength(token)) < this.minLength)) {
				continue;
			}
			int matchedEnd = tryAt(text, token, compact, lengths, gaps, out);
			next = (matchedEnd > token) ? matchedEnd : token + 1;
		}
	}

	/**
	 * The tokens this recogniser needs to look at: when every candidate it can report
	 * contains a digit, or joins two or more tokens with visible separators, a window
	 * view around such tokens has every candidate the full index has (see
	 * {@link PiiText#digitWindows()} and {@link PiiText#joinedWindows(String, int)}); the
	 * start tokens it skips are those whose longest join could never be accepted.
	 */
	private PiiText view(PiiText text) {
		if (this.maxTokens - 1 > PiiText.WINDOW_RADIUS) {
			return text;
		}
		if (this.requireDigit) {
			return text.digitWindows();
		}
		return this.joinedStartsOnly ? text.joinedWindows(this.separators, this.minGroups - 1) : text;
	}

	/**
	 * Try candidates starting at token {@code first}; returns the token after a match, or
	 * {@code first} when nothing matched.
	 */
	private int tryAt(PiiText text, int first, StringBuilder compact, int[] lengths, char[] gaps, List<PiiEntity> out) {
		if (text.tokenLength(first) > this.maxLength || !acceptableToken(text, first)
				|| (this.digitOrCapitalStart && !text.tokenHasDigitOrCapital(first))
				|| !this.firstToken.accept(text, first)) {
			return first;
		}
		// collect the longest join
		int last = first;
		int total = text.tokenLength(first);
		lengths[0] = total;
		while (last - first + 1 < this.maxTokens && last + 1 < text.tokenCount()) {
			int gapStart = text.tokenEnd(last);
			int next = last + 1;
			if (text.tokenStart(next) != gapStart + 1 || this.separators.indexOf(text.charAt(gapStart)) < 0
					|| !acceptableToken(text, next)) {
				break;
			}
			int length = text.tokenLength(next);
			if (total + length > this.maxLength) {
				break;
			}
			gaps[last - first] = text.charAt(gapStart);
			total += length;
			last = next;
			lengths[last - first] = length;
		}
		// identifiers carry digits: skip runs of plain words early
		boolean digit = !this.requireDigit;
		for (int t = first; t <= last && !digit; t++) {
			digit = text.tokenHasDigit(t);
		}
		if (!digit || total < this.minLength) {
			return first;
		}
		// the compact value of a shorter join is a prefix of the longest one
		compact.setLength(0);
		for (int t = first; t <= last; t++) {
			compact.append(text.text(), text.tokenStart(t), text.tokenEnd(t));
		}
		String longest = compact.toString();
		int length = total;
		for (int end = last; end >= first + this.minGroups - 1; end--) {
			if (end < last) {
				length -= lengths[end + 1 - first];
			}
			if (length < this.minLength) {
				break;
			}
			int groups = end - first + 1;
			Candidate candidate = new Candidate(text.tokenStart(first), text.tokenEnd(end),
					longest.substring(0, length), java.util.Arrays.copyOf(lengths, groups),
					new String(gaps, 0, groups - 1));
			double score = this.validator.score(candidate);
			// the identifier check after the validator, which rejects most candidates
			if (score >= 0 && !PiiText.gluedToIdentifier(text.text(), candidate.start(), candidate.end())) {
				out.add(new PiiEntity(this.type, candidate.start(), candidate.end(), score));
				return end + 1;
			}
		}
		return first;
	}

	private boolean acceptableToken(PiiText text, int token) {
		return this.digitsOnly ? text.tokenIsDigits(token) : text.tokenIsAscii(token);
	}

	/**
	 * Builds a {@link TokenRecognizer}.
	 */
	public static final class Builder {

		private final String type;

		private String separators = "";

		private int maxTokens = 1;

		private int minLength = 1;

		private int maxLength = 64;

		private boolean digitsOnly;

		private Validator validator;

		private FirstToken firstToken = (text, token) -> true;

		private boolean requireDigit = true;

		private int minGroups = 1;

		private boolean digitOrCapitalStart;

		private Builder(String type) {
			this.type = type;
		}

		/**
		 * Characters that may join two tokens, and how many tokens at most.
		 */
		public Builder joinedBy(String separatorChars, int maxGroups) {
			this.separators = separatorChars;
			this.maxTokens = maxGroups;
			return this;
		}

		/**
		 * Length range of the compact value.
		 */
		public Builder length(int min, int max) {
			this.minLength = min;
			this.maxLength = max;
			return this;
		}

		/**
		 * Accept only tokens made of digits.
		 */
		public Builder digits() {
			this.digitsOnly = true;
			return this;
		}

		/**
		 * A cheap test on the first token, to skip hopeless start positions early.
		 */
		public Builder firstToken(FirstToken test) {
			this.firstToken = test;
			return this;
		}

		/**
		 * Candidates start with a token that holds a digit or starts with an ASCII
		 * capital letter: the words of prose are then not visited as starts at all.
		 */
		public Builder startsWithDigitOrCapital() {
			this.digitOrCapitalStart = true;
			return this;
		}

		/**
		 * Also consider candidates without any digit (by default a candidate needs one,
		 * which skips ordinary words cheaply).
		 */
		public Builder allowNoDigit() {
			this.requireDigit = false;
			return this;
		}

		/**
		 * The fewest tokens a candidate joins (by default one): a recogniser of values
		 * that always have separators skips every token not followed by one.
		 */
		public Builder minGroups(int groups) {
			this.minGroups = groups;
			return this;
		}

		public Builder validator(Validator candidateValidator) {
			this.validator = candidateValidator;
			return this;
		}

		public TokenRecognizer build() {
			if (this.validator == null) {
				throw new IllegalStateException("validator is required");
			}
			return new TokenRecognizer(this);
		}

	}

}
