package dev.aisecurity.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Key handling for manifest signatures through the JCA: Ed25519 (preferred) or ECDSA on
 * P-256 with SHA-256. Keys are exchanged as PEM ({@code PUBLIC KEY} = X.509
 * SubjectPublicKeyInfo, {@code PRIVATE KEY} = PKCS#8), the formats OpenSSL writes.
 */
public final class ModelKeys {

	/** Ed25519 signatures. */
	public static final String ED25519 = "Ed25519";

	/** ECDSA with SHA-256. */
	public static final String ECDSA_SHA256 = "SHA256withECDSA";

	private ModelKeys() {
	}

	/**
	 * Generate a key pair.
	 * @param algorithm {@code Ed25519}, {@code EC} (P-256), {@code P-384} or
	 * {@code P-521} (the last two for model signing bundles only)
	 * @return the key pair
	 */
	public static KeyPair generate(String algorithm) {
		try {
			String curve = switch (algorithm.toUpperCase(java.util.Locale.ROOT)) {
				case "EC", "ECDSA", "P-256", "EC-P256" -> "secp256r1";
				case "P-384", "EC-P384" -> "secp384r1";
				case "P-521", "EC-P521" -> "secp521r1";
				default -> null;
			};
			if (curve != null) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec(curve));
				return generator.generateKeyPair();
			}
			if (ED25519.equalsIgnoreCase(algorithm)) {
				return KeyPairGenerator.getInstance(ED25519).generateKeyPair();
			}
			throw new IllegalArgumentException("Unsupported key algorithm (use Ed25519, EC, P-384 or P-521)");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Key generation failed", ex);
		}
	}

	/**
	 * The signature algorithm a key implies. The algorithm named in a signature file is
	 * never trusted on its own: the key decides, which rules out algorithm confusion.
	 * @param key a public or private key
	 * @return the JCA signature algorithm
	 */
	public static String signatureAlgorithm(Key key) {
		String algorithm = key.getAlgorithm();
		if (ED25519.equalsIgnoreCase(algorithm) || "EdDSA".equalsIgnoreCase(algorithm)) {
			return ED25519;
		}
		if (key instanceof ECKey) {
			return ECDSA_SHA256;
		}
		throw new IllegalArgumentException("Unsupported key algorithm " + algorithm + " (use Ed25519 or EC)");
	}

	/**
	 * Decode a public key from PEM or base64 DER.
	 * @param encoded the key
	 * @return the key
	 */
	public static PublicKey decodePublicKey(String encoded) {
		byte[] der = decodePem(encoded, "PUBLIC KEY");
		X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
		for (String algorithm : new String[] { ED25519, "EC" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePublic(spec);
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("Not an Ed25519 or EC public key");
	}

	/**
	 * Decode a private key from PKCS#8 PEM or base64 DER.
	 * @param encoded the key
	 * @return the key
	 */
	public static PrivateKey decodePrivateKey(String encoded) {
		byte[] der = decodePem(encoded, "PRIVATE KEY");
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
		for (String algorithm : new String[] { ED25519, "EC" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("Not an Ed25519 or EC private key in PKCS#8 form");
	}

	/**
	 * Encode a key as PEM.
	 * @param key the key
	 * @return PEM text
	 */
	public static String toPem(Key key) {
		String type = (key instanceof PrivateKey) ? "PRIVATE KEY" : "PUBLIC KEY";
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded());
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static byte[] decodePem(String encoded, String type) {
		if (encoded == null || encoded.isBlank()) {
			throw new IllegalArgumentException("Empty key");
		}
		String text = encoded.strip();
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		if (text.startsWith("-----BEGIN")) {
			int start = text.indexOf(begin);
			int stop = text.indexOf(end);
			if (start != 0 || stop < 0) {
				throw new IllegalArgumentException("Expected a PEM block of type " + type);
			}
			text = text.substring(begin.length(), stop);
		}
		try {
			return Base64.getMimeDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Key is neither PEM nor base64");
		}
	}

}
