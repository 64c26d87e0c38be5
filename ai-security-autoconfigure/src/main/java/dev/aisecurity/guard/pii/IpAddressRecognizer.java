package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * IPv4 and IPv6 addresses, optionally with a CIDR prefix length. Candidates are scanned
 * by hand and parsed fully: every octet 0-255, every IPv6 group 1-4 hex digits, at most
 * one {@code ::}, the right number of groups, an embedded IPv4 tail where allowed.
 */
final class IpAddressRecognizer implements PiiRecognizer {

	static final double SCORE = 0.8;

	@Override
	public Set<String> types() {
		return Set.of(PiiTypes.IP_ADDRESS);
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		String s = text.text();
		List<PiiEntity> v6 = new ArrayList<>();
		// an IPv6 address holds a ':', an IPv4 address a '.', and no step of either scan
		// crosses white space
		TriggerChunks.forEach(text, ':', (from, to) -> scanIpv6(s, from, to, v6));
		out.addAll(v6);
		// the first '.' of an IPv4 address follows a digit: found from the digits, rarer
		// than full stops in prose
		TriggerChunks.forEach(text, (from) -> text.nextAfterDigit('.', from), (from) -> -1,
				(from, to) -> scanIpv4(s, from, to, v6, out));
	}

	private static void scanIpv4(String s, int from, int to, List<PiiEntity> v6, List<PiiEntity> out) {
		int n = s.length();
		int i = from;
		while (i < to) {
			char c = s.charAt(i);
			if (!PiiText.isDigit(c) || (i > 0 && (PiiText.isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == '.'))) {
				i++;
				continue;
			}
			int length = ipv4Length(s, i);
			if (length <= 0) {
				while (i < n && (PiiText.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
					i++;
				}
				continue;
			}
			int end = i + length;
			if (end < n && PiiText.isWordChar(s.charAt(end))) {
				i = end;
				continue;
			}
			end = withPrefix(s, end, 32);
			PiiEntity entity = new PiiEntity(PiiTypes.IP_ADDRESS, i, end, SCORE);
			if (!insideAny(entity, v6)) {
				out.add(entity);
			}
			i = end;
		}
	}

	private static boolean insideAny(PiiEntity entity, List<PiiEntity> others) {
		for (PiiEntity other : others) {
			if (other.overlaps(entity)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The length of a dotted-quad IPv4 address starting at {@code start}, or -1.
	 */
	static int ipv4Length(String s, int start) {
		int i = start;
		for (int part = 0; part < 4; part++) {
			if (part > 0) {
				if (i >= s.length() || s.charAt(i) != '.') {
					return -1;
				}
				i++;
			}
			int digits = 0;
			int value = 0;
			while (i < s.length() && PiiText.isDigit(s.charAt(i)) && digits < 4) {
				value = value * 10 + (s.charAt(i) - '0');
				digits++;
				i++;
			}
			if (digits == 0 || digits > 3 || value > 255) {
				return -1;
			}
		}
		return i - start;
	}

	private static int withPrefix(String s, int end, int max) {
		if (end + 1 < s.length() && s.charAt(end) == '/' && PiiText.isDigit(s.charAt(end + 1))) {
			int i = end + 1;
			int value = 0;
			while (i < s.length() && PiiText.isDigit(s.charAt(i)) && i - end <= 3) {
				value = value * 10 + (s.charAt(i) - '0');
				i++;
			}
			if (value <= max && (i >= s.length() || !PiiText.isWordChar(s.charAt(i)))) {
				return i;
			}
		}
		return end;
	}

	private static boolean isHex(char c) {
		return PiiText.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static void scanIpv6(String s, int from, int to, List<PiiEntity> out) {
		int n = s.length();
		int i = from;
		while (i < to) {
			char c = s.charAt(i);
			boolean startable = isHex(c) || (c == ':' && i + 1 < n && s.charAt(i + 1) == ':');
			if (!startable || (i > 0 && (PiiText.isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == ':'))) {
				i++;
				continue;
			}
			int end = i;
			boolean colon = false;
			while (end < n && (isHex(s.charAt(end)) || s.charAt(end) == ':' || s.charAt(end) == '.')) {
				colon |= s.charAt(end) == ':';
				end++;
			}
			if (!colon) {
				i = end;
				continue;
			}
			// trailing dots and single colons belong to the sentence, not the address
			while (end > i && (s.charAt(end - 1) == '.'
					|| (s.charAt(end - 1) == ':' && !(end - 2 >= i && s.charAt(end - 2) == ':')))) {
				end--;
			}
			if (end < n && PiiText.isWordChar(s.charAt(end))) {
				i = end;
				continue;
			}
			if (validIpv6(s, i, end)) {
				int withPrefix = withPrefix(s, end, 128);
				out.add(new PiiEntity(PiiTypes.IP_ADDRESS, i, withPrefix, SCORE));
				i = withPrefix;
			}
			else {
				i = end;
			}
		}
	}

	static boolean validIpv6(String s, int start, int end) {
		int groups = 0;
		boolean compressed = false;
		int i = start;
		if (end - start >= 2 && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
			compressed = true;
			i += 2;
			if (i == end) {
				return true;
			}
		}
		else if (s.charAt(i) == ':') {
			return false;
		}
		while (i < end) {
			int groupStart = i;
			while (i < end && isHex(s.charAt(i))) {
				i++;
			}
			if (i < end && s.charAt(i) == '.') {
				// embedded IPv4 tail
				if (ipv4Length(s, groupStart) != end - groupStart) {
					return false;
				}
				groups += 2;
				i = end;
				break;
			}
			int length = i - groupStart;
			if (length < 1 || length > 4) {
				return false;
			}
			groups++;
			if (i == end) {
				break;
			}
			// s.charAt(i) == ':'
			i++;
			if (i < end && s.charAt(i) == ':') {
				if (compressed) {
					return false;
				}
				compressed = true;
				i++;
				if (i == end) {
					break;
				}
			}
			else if (i == end) {
				return false;
			}
		}
		return compressed ? groups <= 7 : groups == 8;
	}

}
