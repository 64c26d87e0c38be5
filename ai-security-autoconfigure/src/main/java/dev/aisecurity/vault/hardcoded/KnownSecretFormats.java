package dev.aisecurity.vault.hardcoded;

/**
 * Recognises values that have the shape of a well-known credential by prefix and
 * alphabet, whatever property holds them: OpenAI ({@code sk-}, {@code sk-proj-}),
 * Anthropic ({@code sk-ant-}), AWS access key ids, GitHub, GitLab, Slack, Stripe, Google
 * API keys, HashiCorp Vault tokens, JSON web tokens and PEM private keys. Hand-written
 * checks, linear in the value's length.
 */
public final class KnownSecretFormats {

	private KnownSecretFormats() {
	}

	/**
	 * Describe the credential a value looks like.
	 * @param value a configuration value
	 * @return a short description such as {@code "an OpenAI API key"}, or {@code null}
	 */
	public static String describe(String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip();
		if (v.startsWith("sk-ant-") && tokenTail(v, 7, 20)) {
			return "an Anthropic API key";
		}
		if (v.startsWith("sk-") && tokenTail(v, 3, 20)) {
			return "an OpenAI API key";
		}
		if ((v.startsWith("AKIA") || v.startsWith("ASIA")) && v.length() == 20 && upperAlnum(v, 4)) {
			return "an AWS access key id";
		}
		if ((v.startsWith("ghp_") || v.startsWith("gho_") || v.startsWith("ghs_") || v.startsWith("ghu_")
				|| v.startsWith("ghr_")) && tokenTail(v, 4, 30)) {
			return "a GitHub token";
		}
		if (v.startsWith("github_pat_") && tokenTail(v, 11, 30)) {
			return "a GitHub token";
		}
		if (v.startsWith("glpat-") && tokenTail(v, 6, 20)) {
			return "a GitLab token";
		}
		if (v.length() > 5 && v.startsWith("xox") && "baprs".indexOf(v.charAt(3)) >= 0 && v.charAt(4) == '-'
				&& tokenTail(v, 5, 10)) {
			return "a Slack token";
		}
		if ((v.startsWith("sk_live_") || v.startsWith("rk_live_")) && tokenTail(v, 8, 16)) {
			return "a Stripe key";
		}
		if (v.startsWith("AIza") && v.length() == 39 && tokenTail(v, 4, 35)) {
			return "a Google API key";
		}
		if ((v.startsWith("hvs.") || v.startsWith("hvb.")) && tokenTail(v, 4, 20)) {
			return "a Vault token";
		}
		if (v.startsWith("eyJ") && isJwt(v)) {
			return "a JSON web token";
		}
		if (v.contains("-----BEGIN") && v.contains("PRIVATE KEY-----")) {
			return "a private key";
		}
		return null;
	}

	private static boolean tokenTail(String v, int from, int minLength) {
		if (v.length() - from < minLength) {
			return false;
		}
		for (int i = from; i < v.length(); i++) {
			char c = v.charAt(i);
			if (!(isAsciiAlnum(c) || c == '-' || c == '_' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	private static boolean upperAlnum(String v, int from) {
		for (int i = from; i < v.length(); i++) {
			char c = v.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isJwt(String v) {
		int dots = 0;
		int segment = 0;
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c == '.') {
				if (segment < 4) {
					return false;
				}
				dots++;
				segment = 0;
			}
			else if (isAsciiAlnum(c) || c == '-' || c == '_') {
				segment++;
			}
			else {
				return false;
			}
		}
		return dots == 2 && segment >= 4;
	}

	private static boolean isAsciiAlnum(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

}
