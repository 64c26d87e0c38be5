package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a Sigstore bundle (JSON form, media type {@value #MEDIA_TYPE}) that a
 * key-based model signature uses: the public key hint and the DSSE envelope. Parsing
 * only; {@link SigstoreBundleVerifier} decides what to trust.
 *
 * @param mediaType the bundle media type
 * @param keyHint {@code verificationMaterial.publicKey.hint}, or {@code null}
 * @param keyless whether the bundle carries Fulcio certificates, transparency-log entries
 * or timestamps (keyless signing)
 * @param payloadType the DSSE payload type
 * @param payload the DSSE payload, decoded
 * @param signatures the DSSE signatures, decoded
 */
public record SigstoreBundle(String mediaType, String keyHint, boolean keyless, String payloadType, byte[] payload,
		List<byte[]> signatures) {

	/** The bundle media type model_signing writes. */
	public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

	/** The DSSE payload type of an in-toto statement. */
	public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

	public SigstoreBundle {
		payload = payload.clone();
		signatures = signatures.stream().map(byte[]::clone).toList();
	}

	/**
	 * Parse a bundle.
	 * @param json the bundle file
	 * @return the bundle
	 * @throws IllegalArgumentException if the file is not a bundle with a DSSE envelope
	 */
	public static SigstoreBundle parse(byte[] json) {
		Map<String, Object> bundle = Json.object(Json.parse(json), "A Sigstore bundle");
		String mediaType = Json.string(bundle, "mediaType", "The bundle", true);
		Map<String, Object> material = Json.object(bundle.get("verificationMaterial"),
				"The bundle 'verificationMaterial'");
		boolean keyless = material.get("certificate") != null || material.get("x509CertificateChain") != null
				|| !Json.array(material.get("tlogEntries"), "The bundle 'tlogEntries'").isEmpty()
				|| hasTimestamps(material.get("timestampVerificationData"));
		String hint = null;
		if (material.get("publicKey") != null) {
			hint = Json.string(Json.object(material.get("publicKey"), "The bundle 'publicKey'"), "hint",
					"The bundle 'publicKey'", false);
		}
		if (bundle.get("messageSignature") != null) {
			throw new IllegalArgumentException("the bundle signs a message, not a DSSE envelope");
		}
		Map<String, Object> envelope = Json.object(bundle.get("dsseEnvelope"), "The bundle 'dsseEnvelope'");
		String payloadType = Json.string(envelope, "payloadType", "The DSSE envelope", true);
		byte[] payload = base64(Json.string(envelope, "payload", "The DSSE envelope", true), "payload");
		List<byte[]> signatures = new ArrayList<>();
		for (Object signature : Json.array(envelope.get("signatures"), "The DSSE 'signatures'")) {
			Map<String, Object> entry = Json.object(signature, "A DSSE signature");
			signatures.add(base64(Json.string(entry, "sig", "A DSSE signature", true), "signature"));
		}
		return new SigstoreBundle(mediaType, hint, keyless, payloadType, payload, signatures);
	}

	/**
	 * A key-signed bundle around a payload.
	 * @param keyHint the signer's key hint ({@link SigstoreBundleVerifier#keyHint})
	 * @param payload the statement bytes
	 * @param signature the DER ECDSA signature over the PAE of the payload
	 * @return the bundle
	 */
	public static SigstoreBundle keySigned(String keyHint, byte[] payload, byte[] signature) {
		return new SigstoreBundle(MEDIA_TYPE, keyHint, false, IN_TOTO_PAYLOAD_TYPE, payload, List.of(signature));
	}

	/**
	 * The DSSE pre-authentication encoding: what the signature covers.
	 * @param payloadType the payload type
	 * @param payload the payload bytes
	 * @return {@code "DSSEv1" SP len(type) SP type SP len(payload) SP payload}
	 */
	public static byte[] pae(String payloadType, byte[] payload) {
		byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
		byte[] header = ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
			.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[header.length + payload.length];
		System.arraycopy(header, 0, out, 0, header.length);
		System.arraycopy(payload, 0, out, header.length, payload.length);
		return out;
	}

	/**
	 * The bundle file content.
	 * @return UTF-8 JSON
	 */
	public byte[] toJson() {
		Map<String, Object> material = new LinkedHashMap<>();
		material.put("publicKey", Map.of("hint", this.keyHint));
		material.put("tlogEntries", List.of());
		List<Object> signatureList = new ArrayList<>();
		for (byte[] signature : this.signatures) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("sig", Base64.getEncoder().encodeToString(signature));
			entry.put("keyid", "");
			signatureList.add(entry);
		}
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("payload", Base64.getEncoder().encodeToString(this.payload));
		envelope.put("payloadType", this.payloadType);
		envelope.put("signatures", signatureList);
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("mediaType", this.mediaType);
		bundle.put("verificationMaterial", material);
		bundle.put("dsseEnvelope", envelope);
		return Json.pretty(bundle);
	}

	@Override
	public byte[] payload() {
		return this.payload.clone();
	}

	@Override
	public String toString() {
		return "SigstoreBundle[mediaType=" + this.mediaType + ", keyHint=" + this.keyHint + ", keyless=" + this.keyless
				+ "]";
	}

	private static boolean hasTimestamps(Object value) {
		if (value == null) {
			return false;
		}
		Map<String, Object> data = Json.object(value, "The bundle 'timestampVerificationData'");
		return !Json.array(data.get("rfc3161Timestamps"), "The bundle 'rfc3161Timestamps'").isEmpty();
	}

	private static byte[] base64(String value, String what) {
		try {
			// Protobuf JSON writes standard base64; accept the URL-safe alphabet it also
			// reads
			return value.indexOf('-') >= 0 || value.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(value)
					: Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the DSSE " + what + " is not base64");
		}
	}

}
