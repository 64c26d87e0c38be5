package dev.aisecurity.vault.transit;

import org.springframework.util.Assert;
import org.springframework.vault.core.VaultTransitOperations;

/**
 * Encrypts and decrypts text with one named Vault Transit key. The key never leaves
 * Vault; ciphertexts carry their key version ({@code vault:v3:...}) so older versions
 * keep decrypting after a rotation and {@link #rewrap(String)} moves them to the latest
 * version without exposing the plaintext to the caller.
 * <p>
 * Used for conversation memory at rest and available to any component that must keep a
 * sensitive field (for example an audit attribute) encrypted.
 */
public class TransitTextEncryptor {

	/** Prefix of every Transit ciphertext. */
	public static final String CIPHERTEXT_PREFIX = "vault:v";

	private final VaultTransitOperations transit;

	private final String keyName;

	public TransitTextEncryptor(VaultTransitOperations transit, String keyName) {
		Assert.notNull(transit, "transit must not be null");
		Assert.hasText(keyName, "keyName must not be empty");
		this.transit = transit;
		this.keyName = keyName;
	}

	/** The Transit key this encryptor uses. */
	public String keyName() {
		return this.keyName;
	}

	/**
	 * Encrypt text with the latest key version.
	 * @param plaintext the text, may be empty
	 * @return a {@code vault:vN:...} ciphertext
	 */
	public String encrypt(String plaintext) {
		Assert.notNull(plaintext, "plaintext must not be null");
		return this.transit.encrypt(this.keyName, plaintext);
	}

	/**
	 * Decrypt a Transit ciphertext of any still-allowed key version.
	 * @param ciphertext a {@code vault:vN:...} value
	 * @return the plaintext
	 */
	public String decrypt(String ciphertext) {
		Assert.isTrue(isEncrypted(ciphertext), "not a Transit ciphertext");
		return this.transit.decrypt(this.keyName, ciphertext);
	}

	/**
	 * Re-encrypt a ciphertext with the latest key version inside Vault.
	 * @param ciphertext a {@code vault:vN:...} value
	 * @return the ciphertext under the latest key version
	 */
	public String rewrap(String ciphertext) {
		Assert.isTrue(isEncrypted(ciphertext), "not a Transit ciphertext");
		return this.transit.rewrap(this.keyName, ciphertext);
	}

	/**
	 * The key version of a ciphertext.
	 * @param ciphertext a {@code vault:vN:...} value
	 * @return N
	 */
	public static int keyVersion(String ciphertext) {
		Assert.isTrue(isEncrypted(ciphertext), "not a Transit ciphertext");
		return Integer.parseInt(
				ciphertext.substring(CIPHERTEXT_PREFIX.length(), ciphertext.indexOf(':', CIPHERTEXT_PREFIX.length())));
	}

	/**
	 * Whether a stored value is a Transit ciphertext (as opposed to legacy plaintext).
	 * @param value a stored value
	 * @return {@code true} for {@code vault:vN:...}
	 */
	public static boolean isEncrypted(String value) {
		if (value == null || !value.startsWith(CIPHERTEXT_PREFIX)) {
			return false;
		}
		int colon = value.indexOf(':', CIPHERTEXT_PREFIX.length());
		if (colon <= CIPHERTEXT_PREFIX.length()) {
			return false;
		}
		for (int i = CIPHERTEXT_PREFIX.length(); i < colon; i++) {
			if (!Character.isDigit(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
