package dev.aisecurity.guard.secrets;

/**
 * Where a secret was found. Carries the location and kind only, never the secret, so it
 * may be logged; callers that need the value take {@code text.substring(start, end)}
 * themselves.
 *
 * @param ruleId id of the rule that matched, for example {@code aws-access-key}
 * @param type the kind of secret, upper case, for example {@code AWS_ACCESS_KEY}; finding
 * codes are {@code SECRET_<type>}
 * @param start start of the secret in the scanned text, inclusive
 * @param end end of the secret, exclusive
 * @param score confidence from 0 to 1
 */
public record SecretMatch(String ruleId, String type, int start, int end, double score) {

	public SecretMatch {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
		}
	}

	public int length() {
		return this.end - this.start;
	}

}
