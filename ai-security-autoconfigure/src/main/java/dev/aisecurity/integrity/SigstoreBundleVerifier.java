package dev.aisecurity.integrity;

import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies key-signed model signatures in the OpenSSF model signing format
 * ({@code model_signing sign key}): a Sigstore bundle whose verification material is a
 * public key hint and whose DSSE envelope carries an in-toto statement listing the
 * model's files.
 * <p>
 * The hint is the SHA-256 of the signer's public key in PEM SubjectPublicKeyInfo form; it
 * selects a trusted EC key (P-256, P-384 or P-521, the curves model_signing signs with),
 * and the ECDSA signature over the DSSE pre-authentication encoding is checked with
 * SHA-256, SHA-384 or SHA-512 to match the curve. Nothing in the statement is read before
 * the signature verifies. Keyless bundles (Fulcio certificate, Rekor entry) are refused:
 * verifying them needs Sigstore's trust root and transparency log, which this verifier
 * does not implement.
 */
public final class SigstoreBundleVerifier {

	private static final String[] CURVES = { "secp256r1", "secp384r1", "secp521r1" };

	private static final String[] ALGORITHMS = { "SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA" };

	private final Map<String, TrustedKey> keysByHint = new LinkedHashMap<>();

	private final List<String> keyIds = new ArrayList<>();

	/**
	 * Create a verifier. Keys that are not on a supported EC curve (Ed25519 manifest
	 * keys, for example) are left out: model signing never uses them.
	 * @param trustedKeys the keys allowed to sign models
	 */
	public SigstoreBundleVerifier(Collection<TrustedKey> trustedKeys) {
		for (TrustedKey key : trustedKeys) {
			if (curveIndex(key.publicKey()) >= 0) {
				this.keysByHint.putIfAbsent(keyHint(key.publicKey()), key);
				this.keyIds.add(key.keyId());
			}
		}
	}

	/**
	 * Verify a bundle's signature and return the statement it signs. The model files are
	 * not checked here (see {@link ModelBundleVerifier}).
	 * @param bundle the bundle file content
	 * @param source where the bundle came from, for messages
	 * @return the verified statement and the key that signed it
	 * @throws ModelIntegrityException if the bundle is malformed, keyless, signed by an
	 * untrusted key, or its signature does not match
	 */
	public Verified verify(byte[] bundle, String source) {
		SigstoreBundle parsed;
		try {
			parsed = SigstoreBundle.parse(bundle);
		}
		catch (IllegalArgumentException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_INVALID,
					"Sigstore bundle " + source + " is malformed: " + ex.getMessage());
		}
		if (!SigstoreBundle.MEDIA_TYPE.equals(parsed.mediaType())) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.BUNDLE_UNSUPPORTED,
					"Sigstore bundle " + source + " has media type '"
							+ ModelSigningStatement.bounded(parsed.mediaType()) + "'; only " + SigstoreBundle.MEDIA_TYPE
							+ " (model_signing 1.x) is supported");
		}
		if (parsed.keyless()) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.BUNDLE_UNSUPPORTED,
					"Sigstore bundle " + source + " is keyless (Fulcio certificate or transparency-log entry);"
							+ " only key-signed bundles (model_signing sign key) are verified here");
		}
		String hint = parsed.keyHint();
		if (hint == null || hint.isEmpty()) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.BUNDLE_UNSUPPORTED,
					"Sigstore bundle " + source + " names no public key hint (written before model_signing 1.0);"
							+ " sign the model again with model_signing 1.x");
		}
		TrustedKey key = this.keysByHint.get(hint.toLowerCase(Locale.ROOT));
		if (key == null) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.UNTRUSTED_KEY,
					"Sigstore bundle " + source + " is signed with key hint "
							+ Sha256.prefix(ModelSigningStatement.bounded(hint)) + ", which matches none of the trusted"
							+ " EC keys " + this.keyIds);
		}
		if (!SigstoreBundle.IN_TOTO_PAYLOAD_TYPE.equals(parsed.payloadType())) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_INVALID,
					"Sigstore bundle " + source + " has payload type '"
							+ ModelSigningStatement.bounded(parsed.payloadType()) + "', not "
							+ SigstoreBundle.IN_TOTO_PAYLOAD_TYPE);
		}
		if (parsed.signatures().size() != 1) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_INVALID,
					"Sigstore bundle " + source + " has " + parsed.signatures().size()
							+ " DSSE signatures; a model signature has exactly one");
		}
		byte[] payload = parsed.payload();
		if (!verifySignature(key.publicKey(), SigstoreBundle.pae(parsed.payloadType(), payload),
				parsed.signatures().get(0))) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.SIGNATURE_INVALID,
					"Signature of Sigstore bundle " + source + " does not match its statement (key '" + key.keyId()
							+ "'): the bundle was changed or signed by another key");
		}
		ModelSigningStatement statement;
		try {
			statement = ModelSigningStatement.parse(payload);
		}
		catch (ModelIntegrityException ex) {
			throw new ModelIntegrityException(ex.reason(), "Sigstore bundle " + source + ": " + ex.getMessage());
		}
		return new Verified(statement, key);
	}

	/**
	 * Sign a statement as model_signing does with a key, producing the bundle.
	 * @param statement the statement
	 * @param privateKey an EC private key on P-256, P-384 or P-521
	 * @param publicKey its public key (for the hint)
	 * @return the bundle
	 */
	public static SigstoreBundle sign(ModelSigningStatement statement, PrivateKey privateKey, PublicKey publicKey) {
		int curve = curveIndex(publicKey);
		if (curve < 0 || curveIndex(privateKey) != curve) {
			throw new IllegalArgumentException("Model signing keys are EC keys on P-256, P-384 or P-521");
		}
		byte[] payload = statement.toJson();
		try {
			Signature signer = Signature.getInstance(ALGORITHMS[curve]);
			signer.initSign(privateKey);
			signer.update(SigstoreBundle.pae(SigstoreBundle.IN_TOTO_PAYLOAD_TYPE, payload));
			return SigstoreBundle.keySigned(keyHint(publicKey), payload, signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
	}

	/**
	 * The key hint model signing records: lowercase hex SHA-256 of the PEM text of the
	 * SubjectPublicKeyInfo (64-character base64 lines, each ending in a newline).
	 * @param publicKey the key
	 * @return the hint
	 */
	public static String keyHint(PublicKey publicKey) {
		String base64 = Base64.getEncoder().encodeToString(publicKey.getEncoded());
		StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
		for (int i = 0; i < base64.length(); i += 64) {
			pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
		}
		pem.append("-----END PUBLIC KEY-----\n");
		return Sha256.hex(Sha256.of(pem.toString().getBytes(StandardCharsets.US_ASCII)));
	}

	private static boolean verifySignature(PublicKey key, byte[] signed, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance(ALGORITHMS[curveIndex(key)]);
			verifier.initVerify(key);
			verifier.update(signed);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			// A malformed DER signature is a signature that does not match
			return false;
		}
	}

	/**
	 * Which supported curve a key is on.
	 * @param key an EC key
	 * @return 0 for P-256, 1 for P-384, 2 for P-521, -1 for anything else
	 */
	static int curveIndex(java.security.Key key) {
		if (!(key instanceof ECKey ec)) {
			return -1;
		}
		ECParameterSpec params = ec.getParams();
		for (int i = 0; i < CURVES.length; i++) {
			ECParameterSpec named = namedCurve(CURVES[i]);
			if (named.getCurve().equals(params.getCurve()) && named.getOrder().equals(params.getOrder())
					&& named.getGenerator().equals(params.getGenerator())) {
				return i;
			}
		}
		return -1;
	}

	private static ECParameterSpec namedCurve(String name) {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec(name));
			return parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK lacks curve " + name, ex);
		}
	}

	/**
	 * A bundle whose signature verified.
	 *
	 * @param statement the signed statement
	 * @param key the trusted key that signed it
	 */
	public record Verified(ModelSigningStatement statement, TrustedKey key) {

	}

}
