package dev.aisecurity.integrity;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a manifest's detached signature against trusted public keys before anything in
 * the manifest is believed.
 */
public final class ManifestVerifier {

	private final Map<String, TrustedKey> trustedKeys = new LinkedHashMap<>();

	private final boolean requireSignature;

	/**
	 * Create a verifier.
	 * @param trustedKeys the keys allowed to sign manifests
	 * @param requireSignature whether an unsigned manifest is refused (it should be,
	 * outside development)
	 */
	public ManifestVerifier(Collection<TrustedKey> trustedKeys, boolean requireSignature) {
		for (TrustedKey key : trustedKeys) {
			TrustedKey previous = this.trustedKeys.putIfAbsent(key.keyId(), key);
			if (previous != null && !previous.publicKey().equals(key.publicKey())) {
				throw new IllegalArgumentException("Two different trusted keys share the id '" + key.keyId() + "'");
			}
		}
		this.requireSignature = requireSignature;
	}

	/**
	 * The trusted keys, which also sign model directories in Sigstore bundles.
	 * @return the keys
	 */
	public List<TrustedKey> trustedKeys() {
		return List.copyOf(this.trustedKeys.values());
	}

	/**
	 * Parse a manifest and check its signature.
	 * @param manifest the manifest bytes
	 * @param signature the signature file bytes, or {@code null} if there is none
	 * @param source where the manifest came from, for messages
	 * @return the verified manifest
	 * @throws ModelIntegrityException if the manifest is malformed or the signature is
	 * missing, invalid or made with an untrusted key
	 */
	public ModelManifest verify(byte[] manifest, byte[] signature, String source) {
		ModelManifest parsed;
		try {
			parsed = ModelManifest.parse(manifest);
		}
		catch (IllegalArgumentException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.MANIFEST_INVALID,
					"Model manifest " + source + " is invalid: " + ex.getMessage());
		}
		if (signature == null) {
			if (this.requireSignature) {
				throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_MISSING,
						"Model manifest " + source + " has no signature file; sign it with ModelManifestTool sign");
			}
			return parsed;
		}
		ManifestSignature parsedSignature;
		try {
			parsedSignature = ManifestSignature.parse(signature);
		}
		catch (IllegalArgumentException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_INVALID,
					"Signature of model manifest " + source + " is malformed: " + ex.getMessage());
		}
		verifySignature(parsed, parsedSignature, source);
		return parsed;
	}

	/**
	 * Check a signature over a parsed manifest.
	 * @param manifest the manifest
	 * @param signature its signature
	 * @param source where the manifest came from, for messages
	 * @return the key that made the signature
	 */
	public TrustedKey verifySignature(ModelManifest manifest, ManifestSignature signature, String source) {
		TrustedKey key = this.trustedKeys.get(signature.keyId());
		if (key == null) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.UNTRUSTED_KEY,
					"Model manifest " + source + " is signed with key '" + safe(signature.keyId())
							+ "', which is not among the trusted keys " + this.trustedKeys.keySet());
		}
		String algorithm = ModelKeys.signatureAlgorithm(key.publicKey());
		if (!algorithm.equalsIgnoreCase(signature.algorithm())) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_INVALID,
					"Model manifest " + source + " names algorithm " + safe(signature.algorithm()) + " but key '"
							+ key.keyId() + "' is " + algorithm);
		}
		boolean valid;
		try {
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(key.publicKey());
			verifier.update(manifest.canonicalBytes());
			valid = verifier.verify(signature.signature());
		}
		catch (GeneralSecurityException ex) {
			valid = false;
		}
		if (!valid) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_INVALID,
					"Signature of model manifest " + source + " does not match its content (key '" + key.keyId()
							+ "'): the manifest or the signature was changed");
		}
		return key;
	}

	private static String safe(String value) {
		// Identifiers from the signature file: bounded and printable before they reach a
		// message
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < value.length() && out.length() < 64; i++) {
			char c = value.charAt(i);
			out.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return out.toString();
	}

}
