package dev.aisecurity.guard.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Structural checks of token formats that carry one.
 */
final class Checksums {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private Checksums() {
	}

	/**
	 * GitHub's 2021 token format: a prefix, an underscore, 30 random base62 characters
	 * and 6 base62 characters of the CRC32 of those 30.
	 */
	static boolean githubChecksum(String token) {
		int underscore = token.lastIndexOf('_');
		String body = token.substring(underscore + 1);
		if (body.length() != 36) {
			return false;
		}
		CRC32 crc = new CRC32();
		crc.update(body.substring(0, 30).getBytes(StandardCharsets.US_ASCII));
		return base62(crc.getValue(), 6).equals(body.substring(30));
	}

	static String base62(long value, int width) {
		char[] out = new char[width];
		for (int i = width - 1; i >= 0; i--) {
			out[i] = BASE62.charAt((int) (value % 62));
			value /= 62;
		}
		return new String(out);
	}

	/**
	 * A JSON Web Token whose header decodes to a JSON object naming an algorithm.
	 */
	static boolean jwtHeader(String token) {
		int dot = token.indexOf('.');
		if (dot < 0) {
			return false;
		}
		String header = decodeBase64Url(token.substring(0, dot));
		return header != null && header.startsWith("{") && (header.contains("\"alg\"") || header.contains("\"typ\""));
	}

	/**
	 * HTTP Basic credentials: base64 of {@code user:password}.
	 */
	static boolean basicCredentials(String encoded) {
		String decoded = decodeBase64(encoded);
		if (decoded == null || decoded.indexOf(':') < 0) {
			return false;
		}
		for (int i = 0; i < decoded.length(); i++) {
			char c = decoded.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	private static String decodeBase64Url(String text) {
		try {
			return new String(Base64.getUrlDecoder().decode(stripPadding(text)), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String decodeBase64(String text) {
		try {
			return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String stripPadding(String text) {
		int end = text.length();
		while (end > 0 && text.charAt(end - 1) == '=') {
			end--;
		}
		return text.substring(0, end);
	}

}
