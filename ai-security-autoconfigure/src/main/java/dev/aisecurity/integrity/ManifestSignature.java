package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A detached signature over a manifest's {@linkplain ModelManifest#canonicalBytes()
 * canonical bytes}, stored beside the manifest as {@code <manifest>.sig}: <pre>
 * {"keyId": "release-2026", "algorithm": "Ed25519", "signature": "base64..."}
 * </pre>
 *
 * @param keyId the identifier of the signing key
 * @param algorithm the JCA signature algorithm ({@code Ed25519} or
 * {@code SHA256withECDSA})
 * @param signature the signature bytes
 */
public record ManifestSignature(String keyId, String algorithm, byte[] signature) {

	private static final Set<String> KEYS = Set.of("keyId", "algorithm", "signature");

	public ManifestSignature {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(algorithm, "algorithm");
		signature = signature.clone();
	}

	/**
	 * Sign a manifest.
	 * @param manifest the manifest
	 * @param keyId the identifier verifiers know the key by
	 * @param privateKey the private key
	 * @return the signature
	 */
	public static ManifestSignature sign(ModelManifest manifest, String keyId, PrivateKey privateKey) {
		String algorithm = ModelKeys.signatureAlgorithm(privateKey);
		try {
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(privateKey);
			signer.update(manifest.canonicalBytes());
			return new ManifestSignature(keyId, algorithm, signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
	}

	/**
	 * Parse a signature file.
	 * @param json the file content
	 * @return the signature
	 */
	public static ManifestSignature parse(byte[] json) {
		Map<String, Object> map = Json.object(Json.parse(json), "A manifest signature");
		ModelManifest.rejectUnknownKeys(map, KEYS, "The manifest signature");
		String value = Json.string(map, "signature", "The manifest signature", true);
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The manifest signature is not base64");
		}
		return new ManifestSignature(Json.string(map, "keyId", "The manifest signature", true),
				Json.string(map, "algorithm", "The manifest signature", true), bytes);
	}

	/**
	 * The signature file content.
	 * @return UTF-8 JSON
	 */
	public byte[] toJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("keyId", this.keyId);
		map.put("algorithm", this.algorithm);
		map.put("signature", Base64.getEncoder().encodeToString(this.signature));
		return Json.pretty(map);
	}

	@Override
	public byte[] signature() {
		return this.signature.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ManifestSignature that && this.keyId.equals(that.keyId)
				&& this.algorithm.equals(that.algorithm) && java.util.Arrays.equals(this.signature, that.signature);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.keyId, this.algorithm, java.util.Arrays.hashCode(this.signature));
	}

	@Override
	public String toString() {
		return "ManifestSignature[keyId=" + this.keyId + ", algorithm=" + this.algorithm + "]";
	}

}
