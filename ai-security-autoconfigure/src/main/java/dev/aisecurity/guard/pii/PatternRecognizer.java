package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A user-defined recogniser: an RE2/J pattern (linear time, no back-references) whose
 * matches are reported with a fixed score, optionally checked by a validator.
 */
public final class PatternRecognizer implements PiiRecognizer {

	private final String type;

	private final Pattern pattern;

	private final double score;

	private final java.util.function.Predicate<String> validator;

	/**
	 * @param type the entity type to report
	 * @param regex an RE2 regular expression
	 * @param score the score of a match
	 */
	public PatternRecognizer(String type, String regex, double score) {
		this(type, Pattern.compile(regex), score, (value) -> true);
	}

	public PatternRecognizer(String type, Pattern pattern, double score,
			java.util.function.Predicate<String> validator) {
		this.type = Objects.requireNonNull(type, "type");
		this.pattern = Objects.requireNonNull(pattern, "pattern");
		if (score < 0 || score > 1) {
			throw new IllegalArgumentException("score must be within [0, 1]");
		}
		this.score = score;
		this.validator = Objects.requireNonNull(validator, "validator");
	}

	@Override
	public Set<String> types() {
		return Set.of(this.type);
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		Matcher matcher = this.pattern.matcher(text.text());
		while (matcher.find()) {
			if (matcher.end() > matcher.start() && this.validator.test(matcher.group())) {
				out.add(new PiiEntity(this.type, matcher.start(), matcher.end(), this.score));
			}
		}
	}

	@Override
	public String toString() {
		return "PatternRecognizer[" + this.type + "]";
	}

}
