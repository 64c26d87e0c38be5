package dev.aisecurity.web.mfa;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 Base32 without padding, the encoding of TOTP secrets in authenticator apps.
 * Decoding ignores case, spaces, hyphens and trailing {@code =}.
 */
public final class Base32 {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private Base32() {
	}

	/**
	 * Encode bytes.
	 * @param data the bytes
	 * @return the Base32 text, unpadded
	 */
	public static String encode(byte[] data) {
		StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
		}
		return out.toString();
	}

	/**
	 * Decode text.
	 * @param text Base32 text
	 * @return the bytes
	 * @throws IllegalArgumentException on a character outside the alphabet (the message
	 * does not contain the text, which is a secret)
	 */
	public static byte[] decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int value;
			if (c >= 'A' && c <= 'Z') {
				value = c - 'A';
			}
			else if (c >= 'a' && c <= 'z') {
				value = c - 'a';
			}
			else if (c >= '2' && c <= '7') {
				value = c - '2' + 26;
			}
			else if (c == ' ' || c == '-' || c == '=') {
				continue;
			}
			else {
				throw new IllegalArgumentException("Invalid Base32 character at index " + i);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xFF);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
