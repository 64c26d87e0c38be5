package dev.aisecurity.web.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 hash of an API key, the only form in which keys are stored. Written in
 * configuration as {@code sha256:<64 hex digits>}. A plain (unsalted, fast) hash is
 * adequate because keys are high-entropy random strings, not passwords: generate them
 * with {@link ApiKeyHashTool}. Equality is checked in constant time.
 */
public final class ApiKeyHash {

	/** The prefix of the textual form. */
	public static final String PREFIX = "sha256:";

	private static final int LENGTH = 32;

	/** Never used to digest anything itself; cloned per hash. */
	private static final MessageDigest SHA256_PROTOTYPE = cloneablePrototype();

	private final byte[] digest;

	private ApiKeyHash(byte[] digest) {
		this.digest = digest;
	}

	/**
	 * Hash a presented key.
	 * @param rawKey the key as sent by the client
	 * @return its hash
	 */
	public static ApiKeyHash of(String rawKey) {
		if (rawKey == null) {
			throw new IllegalArgumentException("API key must not be null");
		}
		return new ApiKeyHash(sha256().digest(rawKey.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest sha256() {
		if (SHA256_PROTOTYPE != null) {
			try {
				// a clone of an unused digest: no provider look-up on every request
				return (MessageDigest) SHA256_PROTOTYPE.clone();
			}
			catch (CloneNotSupportedException ex) {
				// fall through to a fresh instance
			}
		}
		return newSha256();
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static MessageDigest cloneablePrototype() {
		MessageDigest digest = newSha256();
		try {
			digest.clone();
			return digest;
		}
		catch (CloneNotSupportedException ex) {
			return null;
		}
	}

	/**
	 * Parse the stored form {@code sha256:<hex>}.
	 * @param text the stored form
	 * @return the hash
	 * @throws IllegalArgumentException if the text is not a SHA-256 hash (the message
	 * never contains the text, which could be a misplaced plaintext key)
	 */
	public static ApiKeyHash parse(String text) {
		if (text == null || !text.startsWith(PREFIX) || text.length() != PREFIX.length() + 2 * LENGTH) {
			throw new IllegalArgumentException("API key hash must have the form sha256:<64 hex digits>");
		}
		try {
			return new ApiKeyHash(HexFormat.of().parseHex(text, PREFIX.length(), text.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("API key hash must have the form sha256:<64 hex digits>");
		}
	}

	/**
	 * Constant-time comparison.
	 * @param other another hash
	 * @return whether both hashes are equal
	 */
	public boolean matches(ApiKeyHash other) {
		return other != null && MessageDigest.isEqual(this.digest, other.digest);
	}

	/**
	 * A short, non-reversible fingerprint (the first 8 hex digits) for correlating log
	 * lines and audit records without revealing the key or its full hash.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		return HexFormat.of().formatHex(this.digest, 0, 4);
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof ApiKeyHash other && matches(other);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.digest);
	}

	/**
	 * The stored form, {@code sha256:<hex>}.
	 */
	@Override
	public String toString() {
		return PREFIX + HexFormat.of().formatHex(this.digest);
	}

}
