package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Set;

/**
 * URLs: {@code http}, {@code https} and {@code ftp} URLs with a valid host, {@code www.}
 * host names, and bare host names with a common top-level domain (weaker).
 */
final class UrlRecognizer implements PiiRecognizer {

	static final double WITH_SCHEME = 0.6;

	static final double BARE_HOST = 0.5;

	private static final String[] SCHEMES = { "https://", "http://", "ftp://" };

	@Override
	public Set<String> types() {
		return Set.of(PiiTypes.URL);
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		String s = text.text();
		// every URL holds a ':' (scheme) or a '.' followed by a letter or digit (between
		// host labels), and no step of the scan crosses white space
		TriggerChunks.forEach(text, text::nextInnerDot, (from) -> s.indexOf(':', from),
				(from, to) -> scan(s, from, to, out));
	}

	private static void scan(String s, int from, int to, List<PiiEntity> out) {
		int n = s.length();
		int i = from;
		while (i < to) {
			char c = s.charAt(i);
			if (!PiiText.isAsciiLetter(c) || (i > 0 && isUrlChar(s.charAt(i - 1)) && s.charAt(i - 1) != '/'
					&& s.charAt(i - 1) != '(' && s.charAt(i - 1) != '\'')) {
				i++;
				continue;
			}
			int hostStart = -1;
			char lower = (char) (c | 0x20);
			for (int k = 0; k < SCHEMES.length && (lower == 'h' || lower == 'f'); k++) {
				String scheme = SCHEMES[k];
				if (s.regionMatches(true, i, scheme, 0, scheme.length())) {
					hostStart = i + scheme.length();
					break;
				}
			}
			int hostEnd;
			double score;
			if (hostStart >= 0) {
				hostEnd = scanHost(s, hostStart);
				score = WITH_SCHEME;
				if (!Domains.validHost(s, hostStart, hostEnd, false) && !isIpv4(s, hostStart, hostEnd)
						&& !s.regionMatches(true, hostStart, "localhost", 0, 9)) {
					i = Math.max(hostEnd, i + 1);
					continue;
				}
			}
			else {
				// a bare host name: not inside an e-mail address or another word
				if (i > 0 && (s.charAt(i - 1) == '@' || s.charAt(i - 1) == '.' || s.charAt(i - 1) == '-')) {
					i = skipWord(s, i);
					continue;
				}
				int label = i;
				while (label < n && (PiiText.isAsciiLetter(s.charAt(label)) || PiiText.isDigit(s.charAt(label))
						|| s.charAt(label) == '-')) {
					label++;
				}
				if (label + 1 >= n || s.charAt(label) != '.' || !PiiText.isWordChar(s.charAt(label + 1))) {
					// a plain word, not the first label of a host name
					i = Math.max(label, i + 1);
					continue;
				}
				hostStart = i;
				hostEnd = scanHost(s, hostStart);
				boolean www = s.regionMatches(true, i, "www.", 0, 4);
				if (hostEnd < n && s.charAt(hostEnd) == '@'
						|| !Domains.validHost(s, www ? hostStart + 4 : hostStart, hostEnd, !www)) {
					i = Math.max(hostEnd, i + 1);
					continue;
				}
				if (!www && sentenceJoin(s, hostStart, hostEnd)) {
					i = Math.max(hostEnd, i + 1);
					continue;
				}
				score = www ? WITH_SCHEME : BARE_HOST;
			}
			int end = scanRest(s, hostEnd);
			out.add(new PiiEntity(PiiTypes.URL, i, end, score));
			i = end;
		}
	}

	private static int skipWord(String s, int i) {
		while (i < s.length() && Domains.isHostChar(s.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int scanHost(String s, int start) {
		int end = start;
		while (end < s.length() && Domains.isHostChar(s.charAt(end))) {
			end++;
		}
		while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
			end--;
		}
		return end;
	}

	/**
	 * Port, path, query and fragment, without trailing punctuation.
	 */
	private static int scanRest(String s, int hostEnd) {
		int end = hostEnd;
		if (end < s.length()
				&& (s.charAt(end) == ':' || s.charAt(end) == '/' || s.charAt(end) == '?' || s.charAt(end) == '#')) {
			int open = 0;
			while (end < s.length() && isUrlChar(s.charAt(end))) {
				char c = s.charAt(end);
				if (c == '[' || c == ']' || (c == ')' && open == 0)) {
					// markdown link syntax or a closing bracket of the surrounding text
					break;
				}
				open += (c == '(') ? 1 : (c == ')') ? -1 : 0;
				end++;
			}
			while (end > hostEnd
					&& (".,;:!?'\"]}".indexOf(s.charAt(end - 1)) >= 0 || (s.charAt(end - 1) == ')' && open < 0))) {
				if (s.charAt(end - 1) == ')') {
					open++;
				}
				end--;
			}
		}
		return end;
	}

	/**
	 * Two sentences without a space after the full stop ("entity.It was"): a capitalised,
	 * otherwise lower-case last label after a lower-case letter is a sentence, not a
	 * host.
	 */
	private static boolean sentenceJoin(String s, int start, int end) {
		int dot = s.lastIndexOf('.', end - 1);
		if (dot <= start || dot + 1 >= end || dot == 0) {
			return false;
		}
		if (!Character.isUpperCase(s.charAt(dot + 1)) || !Character.isLowerCase(s.charAt(dot - 1))) {
			return false;
		}
		for (int i = dot + 2; i < end; i++) {
			if (!Character.isLowerCase(s.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUrlChar(char c) {
		return c > ' ' && c < 127 && c != '"' && c != '<' && c != '>' && c != '`' && c != '\\' && c != '{' && c != '}'
				&& c != '|' && c != '^';
	}

	private static boolean isIpv4(String s, int start, int end) {
		return IpAddressRecognizer.ipv4Length(s, start) == end - start && end > start;
	}

}
