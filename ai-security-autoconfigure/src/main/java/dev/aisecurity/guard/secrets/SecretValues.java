package dev.aisecurity.guard.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Judges whether a value assigned to a secret-sounding name is a real secret rather than
 * a placeholder, a reference to a variable, or ordinary words.
 */
final class SecretValues {

	/** Values that stand for a secret in documentation and templates. */
	private static final Set<String> PLACEHOLDERS = Set.of("password", "passwd", "pass", "secret", "token", "key",
			"apikey", "api_key", "changeme", "change_me", "null", "none", "nil", "true", "false", "undefined",
			"required", "optional", "string", "example", "sample", "placeholder", "redacted", "hidden", "empty",
			"default", "username", "user", "test", "testing", "dummy", "secretkey", "mysecret", "mypassword",
			"password123", "yourpassword", "your_password", "yoursecret", "notasecret", "not-a-secret", "foobar", "foo",
			"bar", "admin", "root", "value", "xxx", "yyy", "abc", "abc123", "123456", "12345678", "1234567890",
			"qwerty", "letmein", "secret123", "pa55word", "p@ssword", "p@ssw0rd1", "passw0rd");

	/** Fragments that mark a made-up or templated value. */
	private static final String[] PLACEHOLDER_FRAGMENTS = { "xxxx", "****", "....", "${", "{{", "}}", "<", ">", "://",
			"your_", "your-", "yourapi", "your api", "_here", "-here", "example", "placeholder", "redacted", "dummy",
			"insert", "replace", "changeme", "process.env", "os.environ", "getenv", "env(", "secrets.", "enc[" };

	/**
	 * Prefixes of vendor tokens that have a rule of their own: such a value is judged by
	 * that rule's format, not by the generic one.
	 */
	private static final String[] VENDOR_PREFIXES = { "xox", "xapp-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
			"github_pat_", "glpat-", "gldt-", "glrt-", "glptt-", "sk-ant-", "sk-proj-", "hf_", "api_org_", "AKIA",
			"ASIA", "AIza", "dapi", "ops_", "pplx-", "ntn_", "sgp_", "glc_", "glsa_", "hvs.", "hvb.", "sk_live_",
			"sk_test_", "rk_live_", "rk_test_", "sntrys_", "sntryu_", "AGE-SECRET-KEY-", "ATATT3", "HRKU-", "npm_",
			"pypi-", "dop_v1_", "shpat_", "whsec_", "gsk_", "r8_", "xai-", "sq0atp-", "sq0csp-" };

	private SecretValues() {
	}

	/**
	 * Whether a value assigned to a key, token or secret name looks like the real thing.
	 */
	static boolean isLikelySecret(String value) {
		int length = value.length();
		if (length < 10 || length > 512) {
			return false;
		}
		if (looksTemplated(value) || hasWhitespace(value)) {
			return false;
		}
		int[] classes = Entropy.classes(value);
		int letters = classes[0] + classes[1];
		if (letters == 0 && classes[2] < 16) {
			return false; // short numbers: ports, ids, amounts
		}
		if (isCodeReference(value) || isConstantName(value)) {
			return false;
		}
		if (Entropy.hasAlphabetRun(value, 8) || hasVendorPrefix(value) || isVersionOrEmail(value)) {
			return false;
		}
		double entropy = Entropy.shannon(value);
		if (entropy < 3.0) {
			return false;
		}
		if (classes[2] <= 2 && onlySeparators(value) && isWordLike(value, classes)) {
			return false;
		}
		if (classes[2] == 0 && classes[3] == 0 && (entropy < 4.0 || length < 16)) {
			return false; // letters only: an identifier unless clearly random
		}
		return entropy >= 3.3 || length >= 20;
	}

	/**
	 * Whether a value assigned to a password name looks like a real password: passwords
	 * are chosen by people, so no entropy minimum beyond ruling out repetition.
	 */
	static boolean isLikelyPassword(String value) {
		int length = value.length();
		if (length < 6 || length > 256) {
			return false;
		}
		if (looksTemplated(value) || hasWhitespace(value)) {
			return false;
		}
		if (value.startsWith("%") && value.endsWith("%")) {
			return false; // Windows environment variable reference
		}
		int[] classes = Entropy.classes(value);
		if (length < 8 && (classes[2] == 0 || classes[0] + classes[1] == 0)) {
			return false;
		}
		if (isCodeReference(value) || isConstantName(value)) {
			return false;
		}
		return Entropy.shannon(value) >= 2.5 && !Entropy.hasRepeat(value, 4);
	}

	static boolean hasVendorPrefix(String value) {
		for (String prefix : VENDOR_PREFIXES) {
			if (value.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Version strings (1.2.3) and e-mail addresses are not secrets. */
	static boolean isVersionOrEmail(String value) {
		int at = value.indexOf('@');
		if (at > 0 && value.indexOf('.', at) > at + 1) {
			return true;
		}
		int dotsInNumber = 0;
		for (int i = 1; i < value.length() - 1; i++) {
			if (value.charAt(i) == '.' && Character.isDigit(value.charAt(i - 1))
					&& Character.isDigit(value.charAt(i + 1))) {
				dotsInNumber++;
				if (dotsInNumber >= 2) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether every character that is not a letter or digit is a separator (-_.). */
	static boolean onlySeparators(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
				return false;
			}
		}
		return true;
	}

	static boolean looksTemplated(String value) {
		char first = value.charAt(0);
		if (first == '$' || first == '%' || first == '{' || first == '[' || first == '(' || first == '@' || first == '#'
				|| first == '&' || first == '*') {
			return true;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (PLACEHOLDERS.contains(lower)) {
			return true;
		}
		for (String fragment : PLACEHOLDER_FRAGMENTS) {
			if (lower.contains(fragment)) {
				return true;
			}
		}
		return value.indexOf('(') >= 0 && value.indexOf(')') > value.indexOf('(');
	}

	private static boolean hasWhitespace(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isWhitespace(value.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code var.db_password}, {@code X25519.secret_length}, {@code settings.API_KEY}: a
	 * dotted name whose parts read like identifiers, not random data.
	 */
	static boolean isCodeReference(String value) {
		if (value.indexOf('.') < 0) {
			return false;
		}
		String[] parts = value.split("\\.", -1);
		if (parts.length < 2) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || !isIdentifier(part) || looksRandom(part)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code NEXUS_GPT4_API_KEY}, {@code K8S_CRED}: the name of a setting, not its value.
	 */
	static boolean isConstantName(String value) {
		if (value.indexOf('_') < 0) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return false;
			}
		}
		for (String part : value.split("_")) {
			if (looksRandom(part)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isIdentifier(String part) {
		char first = part.charAt(0);
		if (!(Character.isLetter(first) || first == '_' || first == '$')) {
			return false;
		}
		for (int i = 1; i < part.length(); i++) {
			char c = part.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
				return false;
			}
		}
		return true;
	}

	private static boolean looksRandom(String part) {
		if (part.length() < 12) {
			return false;
		}
		int[] classes = Entropy.classes(part);
		return Entropy.shannon(part) >= 3.5 && classes[2] > 0;
	}

	/**
	 * Mostly letters with a vowel share typical of words (random base62 text has about
	 * one vowel in six letters; English words about two in five).
	 */
	static boolean isWordLike(String value, int[] classes) {
		int letters = classes[0] + classes[1];
		if (letters < value.length() * 0.7) {
			return false;
		}
		int vowels = 0;
		for (int i = 0; i < value.length(); i++) {
			switch (Character.toLowerCase(value.charAt(i))) {
				case 'a', 'e', 'i', 'o', 'u' -> vowels++;
				default -> {
				}
			}
		}
		return vowels >= letters * 0.3;
	}

}
