package dev.aisecurity.integrity;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key that may sign model manifests.
 *
 * @param keyId the identifier a signature names
 * @param publicKey the key (Ed25519 or EC)
 */
public record TrustedKey(String keyId, PublicKey publicKey) {

	public TrustedKey {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(publicKey, "publicKey");
		ModelKeys.signatureAlgorithm(publicKey);
	}

	/**
	 * Decode a trusted key from PEM or base64 X.509 {@code SubjectPublicKeyInfo}.
	 * @param keyId the identifier
	 * @param encoded the encoded key
	 * @return the key
	 */
	public static TrustedKey of(String keyId, String encoded) {
		return new TrustedKey(keyId, ModelKeys.decodePublicKey(encoded));
	}

	/**
	 * The SHA-256 fingerprint of the encoded key, in hex: safe to log.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		return Sha256.hex(Sha256.of(this.publicKey.getEncoded()));
	}

}
