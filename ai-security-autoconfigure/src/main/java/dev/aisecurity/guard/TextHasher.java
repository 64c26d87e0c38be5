package dev.aisecurity.guard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of texts, so logs and audit records can tell equal texts
 * apart from different ones without containing them. Thread-safe.
 */
public final class TextHasher {

	private static final String ALGORITHM = "HmacSHA256";

	/** Hex characters kept: 64 bits, plenty to correlate, short in logs. */
	private static final int HEX_LENGTH = 16;

	private final SecretKeySpec key;

	private final boolean generated;

	/** An initialised MAC to clone: cheaper than a provider look-up per hash. */
	private final Mac prototype;

	private TextHasher(byte[] key, boolean generated) {
		this.key = new SecretKeySpec(key, ALGORITHM);
		this.generated = generated;
		this.prototype = newMac(this.key);
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	/**
	 * A hasher with the given key.
	 * @param key the key, at least 16 characters
	 * @return the hasher
	 */
	public static TextHasher withKey(String key) {
		Objects.requireNonNull(key, "key");
		if (key.length() < 16) {
			throw new IllegalArgumentException("The hash key must have at least 16 characters");
		}
		return new TextHasher(key.getBytes(StandardCharsets.UTF_8), false);
	}

	/**
	 * A hasher with a random key, valid for this process only.
	 * @return the hasher
	 */
	public static TextHasher withRandomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new TextHasher(key, true);
	}

	/**
	 * Whether the key was generated at random for this process.
	 */
	public boolean isKeyGenerated() {
		return this.generated;
	}

	/**
	 * The keyed hash of a text, as 16 hex characters.
	 * @param text the text ({@code null} is hashed as the empty text)
	 * @return the hash
	 */
	public String hash(String text) {
		return HexFormat.of().formatHex(mac(text)).substring(0, HEX_LENGTH);
	}

	/**
	 * The full 32-byte keyed hash of a text.
	 * @param text the text ({@code null} is hashed as the empty text)
	 * @return the MAC
	 */
	public byte[] mac(String text) {
		Mac mac;
		try {
			mac = (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			mac = newMac(this.key);
		}
		return mac.doFinal(((text != null) ? text : "").getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "TextHasher[key=" + (this.generated ? "generated" : "configured") + "]";
	}

}
