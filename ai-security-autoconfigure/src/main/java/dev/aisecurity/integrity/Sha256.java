package dev.aisecurity.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 helpers.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * A new SHA-256 digest.
	 * @return the digest
	 */
	public static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * Digest bytes.
	 * @param bytes the bytes
	 * @return the digest
	 */
	public static byte[] of(byte[] bytes) {
		return newDigest().digest(bytes);
	}

	/**
	 * Lowercase hex.
	 * @param bytes the bytes
	 * @return hex digits
	 */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * The first twelve hex digits of a digest, for messages and logs.
	 * @param hex a digest in hex
	 * @return its prefix
	 */
	public static String prefix(String hex) {
		return (hex.length() <= 12) ? hex : hex.substring(0, 12) + "...";
	}

}
