package dev.aisecurity.guard.secrets;

/**
 * PEM private keys: {@code -----BEGIN ... PRIVATE KEY-----}, a body with real key
 * material, and the matching {@code -----END ...-----} line; an unterminated block (a
 * truncated paste or stream) counts when its body has at least three lines of base64.
 * Hand-written so that each character is looked at once however many headers a text
 * holds: a body never contains {@code --}, so a scan stops at the next marker.
 */
final class PemKeyDetector implements SecretDetector {

	private static final int MAX_BODY = 16_384;

	@Override
	public void detect(String text, int[] hits, int hitCount, Sink sink) {
		int examinedUntil = -1;
		for (int h = 0; h < hitCount; h++) {
			int hit = hits[h];
			if (hit < examinedUntil || !text.startsWith("-----BEGIN", hit)) {
				continue;
			}
			int headerEnd = privateKeyHeaderEnd(text, hit);
			if (headerEnd < 0) {
				continue;
			}
			int length = text.length();
			int i = headerEnd;
			int base64Lines = 0;
			int lineRun = 0;
			while (i < length && i - headerEnd < MAX_BODY) {
				char c = text.charAt(i);
				if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
					break;
				}
				if (isBase64(c)) {
					lineRun++;
				}
				else {
					if (lineRun >= 16) {
						base64Lines++;
					}
					lineRun = 0;
				}
				i++;
			}
			if (lineRun >= 16) {
				base64Lines++;
			}
			examinedUntil = i;
			String body = text.substring(headerEnd, i);
			if (!SecretRules.hasKeyMaterial(body)) {
				continue;
			}
			if (text.startsWith("-----END", i)) {
				int end = text.indexOf("-----", i + 8);
				if (end >= 0 && end - i < 120) {
					sink.accept(hit, end + 5, 1.0);
					examinedUntil = end + 5;
					continue;
				}
			}
			if (base64Lines >= 3) {
				int end = i;
				while (end > headerEnd && !isBase64(text.charAt(end - 1)) && text.charAt(end - 1) != '=') {
					end--;
				}
				sink.accept(hit, end, 0.9);
			}
		}
	}

	/** End of {@code -----BEGIN <words> PRIVATE KEY[ BLOCK]-----}, or -1. */
	private static int privateKeyHeaderEnd(String text, int hit) {
		int i = hit + "-----BEGIN".length();
		int limit = Math.min(text.length(), i + 120);
		while (i < limit) {
			char c = text.charAt(i);
			if (text.startsWith("PRIVATE KEY", i)) {
				i += "PRIVATE KEY".length();
				if (text.startsWith(" BLOCK", i)) {
					i += " BLOCK".length();
				}
				return text.startsWith("-----", i) ? i + 5 : -1;
			}
			if (!(c == ' ' || c == '_' || c == '-' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return -1;
			}
			i++;
		}
		return -1;
	}

	private static boolean isBase64(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
	}

}
