package dev.aisecurity.guard.secrets;

/**
 * The password of a URL with credentials: {@code scheme://user:password@host}.
 * Hand-written rather than a pattern because {@code ://} is frequent in ordinary text,
 * and a search without a literal prefix would cost far more than this bounded look at
 * each occurrence.
 */
final class UrlCredentialsDetector implements SecretDetector {

	private static final int MAX_USERINFO = 260;

	@Override
	public void detect(String text, int[] hits, int hitCount, Sink sink) {
		int length = text.length();
		int examinedUntil = -1;
		for (int h = 0; h < hitCount; h++) {
			int hit = hits[h];
			if (hit < examinedUntil || !hasScheme(text, hit)) {
				continue;
			}
			int start = hit + 3;
			int colon = -1;
			int i = start;
			while (i < length && i - start < MAX_USERINFO) {
				char c = text.charAt(i);
				if (c == '@' || isTerminator(c)) {
					break;
				}
				if (c == ':' && colon < 0) {
					colon = i;
				}
				i++;
			}
			examinedUntil = i;
			if (i >= length || text.charAt(i) != '@' || colon < 0 || i + 1 >= length
					|| !isHostChar(text.charAt(i + 1))) {
				continue;
			}
			int passwordStart = colon + 1;
			if (colon == start || i - passwordStart < 4) {
				continue;
			}
			if (!SecretValues.looksTemplated(text.substring(passwordStart, i))) {
				sink.accept(passwordStart, i, 0.9);
			}
		}
	}

	/**
	 * A scheme of 2 to 20 characters, starting with a letter, ends right before
	 * {@code ://}.
	 */
	private static boolean hasScheme(String text, int hit) {
		int i = hit;
		while (i > 0 && hit - i < 20) {
			char c = text.charAt(i - 1);
			if (Character.isLetterOrDigit(c) && c < 0x80 || c == '+' || c == '.' || c == '-') {
				i--;
			}
			else {
				break;
			}
		}
		return hit - i >= 2 && Character.isLetter(text.charAt(i));
	}

	private static boolean isTerminator(char c) {
		return Character.isWhitespace(c) || c == '/' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '?'
				|| c == '#' || c == '`';
	}

	private static boolean isHostChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '[' || c == '-'
				|| c == '.';
	}

}
