package dev.aisecurity.guard.secrets;

/**
 * Credentials on a command line: {@code curl -u user:password} and
 * {@code --user user:password}. Reports the password, or a key passed as the user name
 * with an empty password ({@code -u sk_live_...:}).
 */
final class CurlUserDetector implements SecretDetector {

	static final String[] KEYWORDS = { "-u", "--user" };

	@Override
	public void detect(String text, int[] hits, int hitCount, Sink sink) {
		int length = text.length();
		int examinedUntil = -1;
		for (int h = 0; h < hitCount; h++) {
			int hit = hits[h];
			if (hit < examinedUntil) {
				continue;
			}
			if (hit > 0 && !Character.isWhitespace(text.charAt(hit - 1))) {
				continue;
			}
			int i = hit + 1;
			while (i < length && (text.charAt(i) == '-' || Character.isLetter(text.charAt(i)))) {
				i++;
			}
			String option = text.substring(hit, i);
			if (!option.equals("-u") && !option.equals("--user")) {
				continue;
			}
			if (i >= length || !(text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '=')) {
				continue;
			}
			while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '=')) {
				i++;
			}
			int argStart = i;
			int argEnd = argumentEnd(text, argStart);
			examinedUntil = argEnd;
			if (argEnd <= argStart) {
				continue;
			}
			int colon = -1;
			for (int j = argStart; j < argEnd; j++) {
				if (text.charAt(j) == ':') {
					colon = j;
					break;
				}
			}
			if (colon < 0) {
				continue;
			}
			int[] user = unwrap(text, argStart, colon);
			int[] password = unwrap(text, colon + 1, argEnd);
			if (password[1] > password[0]) {
				String value = text.substring(password[0], password[1]);
				String userName = text.substring(user[0], user[1]);
				if (!value.equalsIgnoreCase(userName) && isPassword(value)) {
					sink.accept(password[0], password[1], 0.85);
				}
			}
			else if (user[1] > user[0] && SecretValues.isLikelySecret(text.substring(user[0], user[1]))) {
				sink.accept(user[0], user[1], 0.85);
			}
		}
	}

	private static boolean isPassword(String value) {
		if (value.length() < 6 || SecretValues.looksTemplated(value)) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isWhitespace(value.charAt(i))) {
				return false;
			}
		}
		return Entropy.shannon(value) >= 2.5 && !Entropy.hasRepeat(value, 4);
	}

	/** End of a shell argument: a quoted string, or up to whitespace. */
	private static int argumentEnd(String text, int start) {
		int i = start;
		int length = text.length();
		char quote = 0;
		while (i < length && i - start < 300) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else if (c == '\n') {
					return i;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (Character.isWhitespace(c)) {
				return i;
			}
			i++;
		}
		return i;
	}

	/** Strip quotes and braces around one half of {@code user:password}. */
	private static int[] unwrap(String text, int start, int end) {
		while (start < end && isWrapper(text.charAt(start))) {
			start++;
		}
		while (end > start && isWrapper(text.charAt(end - 1))) {
			end--;
		}
		return new int[] { start, end };
	}

	private static boolean isWrapper(char c) {
		return c == '"' || c == '\'' || c == '{' || c == '}';
	}

}
