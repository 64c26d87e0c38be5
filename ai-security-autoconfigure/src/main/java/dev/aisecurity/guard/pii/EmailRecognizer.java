package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Set;

/**
 * E-mail addresses: anchored on each {@code @}, the local part and domain are scanned
 * outwards and validated (RFC 5321 dot-atom local part, host name with a real top-level
 * label).
 */
final class EmailRecognizer implements PiiRecognizer {

	private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

	@Override
	public Set<String> types() {
		return Set.of(PiiTypes.EMAIL_ADDRESS);
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		String s = text.text();
		int from = 0;
		int at;
		while ((at = s.indexOf('@', from)) >= 0) {
			from = at + 1;
			int start = at;
			while (start > 0 && isLocalChar(s.charAt(start - 1)) && at - start < 64) {
				start--;
			}
			// trim leading dots and quotes the scan may have picked up
			while (start < at && (s.charAt(start) == '.' || s.charAt(start) == '\'')) {
				start++;
			}
			int end = at + 1;
			while (end < s.length() && Domains.isHostChar(s.charAt(end))) {
				end++;
			}
			while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
				end--;
			}
			if (start == at || end == at + 1 || s.charAt(at - 1) == '.' || hasDoubleDot(s, start, at)) {
				continue;
			}
			if (Domains.validHost(s, at + 1, end, false)) {
				out.add(new PiiEntity(PiiTypes.EMAIL_ADDRESS, start, end, 1.0));
				from = end;
			}
		}
	}

	private static boolean hasDoubleDot(String s, int start, int end) {
		for (int i = start + 1; i < end; i++) {
			if (s.charAt(i) == '.' && s.charAt(i - 1) == '.') {
				return true;
			}
		}
		return false;
	}

	private static boolean isLocalChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| LOCAL_SPECIALS.indexOf(c) >= 0;
	}

}
