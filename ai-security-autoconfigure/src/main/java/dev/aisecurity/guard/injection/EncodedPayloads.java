package dev.aisecurity.guard.injection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds candidate spans of encoded text (base64, hex, URL percent-encoding) in one pass
 * and decodes a bounded number of them, each up to a bounded length, so that the phrase
 * rules can read what they say. Only decodings that come out as mostly printable text are
 * returned.
 */
final class EncodedPayloads {

	private static final int MIN_BASE64 = 16;

	private static final int MIN_HEX = 16;

	private static final int MIN_PERCENT_ESCAPES = 3;

	private static final int MIN_MORSE = 24;

	private static final int BASE64 = 1;

	private static final int HEX = 2;

	private static final int LOWER = 4;

	private static final int UPPER = 8;

	private static final int DIGIT = 16;

	private static final int URL_TEXT = 32;

	/** Character classes of ASCII characters, one table look-up per character. */
	private static final byte[] KIND = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			KIND[c] = (byte) ((isBase64(c) ? BASE64 : 0) | (isHex(c) ? HEX : 0) | ((c >= 'a' && c <= 'z') ? LOWER : 0)
					| ((c >= 'A' && c <= 'Z') ? UPPER : 0) | ((c >= '0' && c <= '9') ? DIGIT : 0)
					| (isUrlText(c) ? URL_TEXT : 0));
		}
	}

	private EncodedPayloads() {
	}

	/**
	 * Decoded texts of the candidate spans, at most {@code maxSpans} of them, each from
	 * at most {@code maxChars} characters of its span.
	 */
	static List<String> decode(String text, int maxSpans, int maxChars) {
		List<String> decoded = new ArrayList<>();
		if (maxSpans == 0) {
			return decoded;
		}
		int length = text.length();
		int i = 0;
		while (i < length && decoded.size() < maxSpans) {
			char c = text.charAt(i);
			if (c == '.' || c == '-') {
				int end = morseEnd(text, i);
				if (end - i >= MIN_MORSE) {
					String morse = morseDecode(text, i, Math.min(end, i + maxChars));
					if (morse.length() >= 4) {
						decoded.add(morse);
					}
					i = end;
					continue;
				}
			}
			int kind = (c < 128) ? KIND[c] : 0;
			if ((kind & BASE64) == 0 && c != '%') {
				i++;
				continue;
			}
			// most runs are ordinary words: too short to decode unless percent escapes
			// follow
			int run = i;
			while (run < length && text.charAt(run) < 128 && (KIND[text.charAt(run)] & BASE64) != 0) {
				run++;
			}
			if (run - i < Math.min(MIN_BASE64, MIN_HEX) && (run == length || text.charAt(run) != '%')) {
				i = Math.max(run, i + 1);
				continue;
			}
			int end = i;
			int percents = 0;
			// the character classes seen, and whether any character was not hex
			int seen = 0;
			int notHex = 0;
			while (end < length) {
				char d = text.charAt(end);
				if (d == '%' && end + 2 < length && isHex(text.charAt(end + 1)) && isHex(text.charAt(end + 2))) {
					percents++;
					end += 3;
					continue;
				}
				int dk = (d < 128) ? KIND[d] : 0;
				if ((dk & BASE64) == 0 && !(percents > 0 && (dk & URL_TEXT) != 0)) {
					break;
				}
				seen |= dk;
				notHex |= ~dk & HEX;
				end++;
			}
			boolean hexOnly = notHex == 0;
			boolean lower = (seen & LOWER) != 0;
			boolean upper = (seen & UPPER) != 0;
			boolean digit = (seen & DIGIT) != 0;
			int span = end - i;
			int to = i + Math.min(span, maxChars);
			String result = null;
			if (percents >= MIN_PERCENT_ESCAPES) {
				result = percentDecode(text, i, to);
			}
			else if (hexOnly && span >= MIN_HEX) {
				result = hexDecode(text, i, to);
			}
			else if (span >= MIN_BASE64 && lower && upper && (digit || span >= 24)) {
				result = base64Decode(text, i, to);
			}
			if (result != null && isMostlyText(result)) {
				decoded.add(result);
			}
			i = Math.max(end, i + 1);
		}
		return decoded;
	}

	private static int morseEnd(String text, int from) {
		int end = from;
		while (end < text.length()) {
			char c = text.charAt(end);
			if (c != '.' && c != '-' && c != ' ' && c != '/' && c != '\u2022' && c != '_') {
				break;
			}
			end++;
		}
		return end;
	}

	/** International Morse code for A-Z, then 0-9. */
	private static final String[] MORSE = { ".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---",
			"-.-", ".-..", "--", "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--",
			"--..", "-----", ".----", "..---", "...--", "....-", ".....", "-....", "--...", "---..", "----." };

	static String morseDecode(String text, int from, int to) {
		StringBuilder out = new StringBuilder();
		int i = from;
		int spaces = 0;
		while (i < to) {
			char c = text.charAt(i);
			if (c == ' ' || c == '/') {
				spaces += (c == '/') ? 2 : 1;
				i++;
				continue;
			}
			if (spaces >= 2 && out.length() > 0) {
				out.append(' ');
			}
			spaces = 0;
			int end = i;
			while (end < to && (text.charAt(end) == '.' || text.charAt(end) == '-')) {
				end++;
			}
			if (end == i) {
				i++;
				continue;
			}
			String code = text.substring(i, end);
			for (int k = 0; k < MORSE.length; k++) {
				if (MORSE[k].equals(code)) {
					out.append((char) ((k < 26) ? 'a' + k : '0' + k - 26));
					break;
				}
			}
			i = end;
		}
		return out.toString();
	}

	private static boolean isBase64(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
				|| c == '=' || c == '-' || c == '_';
	}

	private static boolean isUrlText(char c) {
		return c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')';
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static int hexValue(char c) {
		return Character.digit(c, 16);
	}

	static String percentDecode(String text, int from, int to) {
		byte[] bytes = new byte[to - from];
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < to && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes[n++] = (byte) (hexValue(text.charAt(i + 1)) * 16 + hexValue(text.charAt(i + 2)));
				i += 2;
			}
			else {
				bytes[n++] = (byte) ((c == '+') ? ' ' : c);
			}
		}
		return new String(bytes, 0, n, StandardCharsets.UTF_8);
	}

	static String hexDecode(String text, int from, int to) {
		int n = (to - from) / 2;
		byte[] bytes = new byte[n];
		for (int k = 0; k < n; k++) {
			bytes[k] = (byte) (hexValue(text.charAt(from + 2 * k)) * 16 + hexValue(text.charAt(from + 2 * k + 1)));
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	static String base64Decode(String text, int from, int to) {
		// Hand-written so malformed input never throws and both alphabets work
		byte[] out = new byte[(to - from) * 3 / 4 + 3];
		int n = 0;
		int buffer = 0;
		int bits = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			int v;
			if (c >= 'A' && c <= 'Z') {
				v = c - 'A';
			}
			else if (c >= 'a' && c <= 'z') {
				v = c - 'a' + 26;
			}
			else if (c >= '0' && c <= '9') {
				v = c - '0' + 52;
			}
			else if (c == '+' || c == '-') {
				v = 62;
			}
			else if (c == '/' || c == '_') {
				v = 63;
			}
			else {
				break; // padding or the end of the run
			}
			buffer = (buffer << 6) | v;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				out[n++] = (byte) (buffer >> bits);
				buffer &= (1 << bits) - 1;
			}
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	/**
	 * Whether a decoding reads as text: mostly letters and spaces, few control or
	 * replacement characters.
	 */
	static boolean isMostlyText(String s) {
		if (s.length() < 4) {
			return false;
		}
		int good = 0;
		int spaces = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == ' ') {
				spaces++;
				good++;
			}
			else if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\t')) {
				continue;
			}
			else {
				good++;
			}
		}
		return good >= s.length() * 0.9 && spaces > 0;
	}

}
