package dev.aisecurity.guard.secrets;

/**
 * JSON Web Tokens: {@code eyJ...} header, a payload (also {@code eyJ...} for JWS), a
 * signature, separated by dots; the header must decode to JSON naming {@code alg} or
 * {@code typ}. Hand-written so that an attempt ends at the first character that cannot
 * continue the token, whatever the text around it.
 */
final class JwtDetector implements SecretDetector {

	private static final int MAX_SEGMENT = 8192;

	@Override
	public void detect(String text, int[] hits, int hitCount, Sink sink) {
		int examinedUntil = -1;
		for (int h = 0; h < hitCount; h++) {
			int hit = hits[h];
			if (hit < examinedUntil || !text.startsWith("eyJ", hit)) {
				continue;
			}
			if (hit > 0 && SecretRule.isWordChar(text.charAt(hit - 1))) {
				continue;
			}
			int headerEnd = segmentEnd(text, hit);
			examinedUntil = headerEnd;
			if (headerEnd - hit < 13 || headerEnd >= text.length() || text.charAt(headerEnd) != '.') {
				continue;
			}
			int payloadStart = headerEnd + 1;
			int payloadEnd = segmentEnd(text, payloadStart);
			boolean jsonPayload = text.startsWith("eyJ", payloadStart);
			if (payloadEnd - payloadStart < (jsonPayload ? 7 : 20) || payloadEnd >= text.length()
					|| text.charAt(payloadEnd) != '.') {
				continue;
			}
			int signatureEnd = segmentEnd(text, payloadEnd + 1);
			if (!jsonPayload && signatureEnd - payloadEnd - 1 < 16) {
				continue;
			}
			if (Checksums.jwtHeader(text.substring(hit, headerEnd + 1))) {
				sink.accept(hit, signatureEnd, 0.9);
				examinedUntil = signatureEnd;
			}
		}
	}

	private static int segmentEnd(String text, int start) {
		int i = start;
		int limit = Math.min(text.length(), start + MAX_SEGMENT);
		while (i < limit) {
			char c = text.charAt(i);
			if (SecretRule.isWordChar(c) || c == '-') {
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

}
