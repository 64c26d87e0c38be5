package dev.aisecurity.rag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The lineage the ingestion guard writes into every document's metadata, and reads back
 * at retrieval. Values are strings (or lists of strings), which every vector store keeps.
 * They describe the document, never quote it.
 */
public final class DocumentProvenance {

	/** Where the document came from: a URI, file name or reader-specific source. */
	public static final String SOURCE = "ai_security_source";

	/** Hex SHA-256 of the document's stored text (UTF-8). */
	public static final String SHA256 = "ai_security_sha256";

	/** When it was ingested, ISO-8601. */
	public static final String INGESTED_AT = "ai_security_ingested_at";

	/** The ingestion pipeline's version. */
	public static final String PIPELINE = "ai_security_pipeline";

	/**
	 * The guard's verdict: {@code CLEAN}, {@code SANITIZED}, {@code INJECTION_REMOVED},
	 * {@code POISONED}.
	 */
	public static final String VERDICT = "ai_security_verdict";

	/** The scan's reason codes, a list of strings. */
	public static final String REASONS = "ai_security_reasons";

	/**
	 * Metadata keys of common readers that name a document's origin, in order of
	 * preference.
	 */
	public static final List<String> SOURCE_KEYS = List.of("source", "url", "uri", "file_name", "filename", "path",
			"title");

	private DocumentProvenance() {
	}

	/**
	 * Hex SHA-256 of a text's UTF-8 bytes.
	 */
	public static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	/**
	 * The source named by a document's metadata.
	 * @param metadata the metadata
	 * @param keys keys to try in order
	 * @return the source, or {@code unknown}
	 */
	public static String source(Map<String, Object> metadata, List<String> keys) {
		for (String key : keys) {
			Object value = metadata.get(key);
			if (value != null && !value.toString().isBlank()) {
				return value.toString();
			}
		}
		return "unknown";
	}

	/**
	 * Whether a text still matches the hash recorded at ingestion.
	 * @param metadata the document's metadata
	 * @param text its text
	 * @return {@code null} without a recorded hash, else whether it matches
	 */
	public static Boolean matches(Map<String, Object> metadata, String text) {
		Object recorded = metadata.get(SHA256);
		if (!(recorded instanceof String hash)) {
			return null;
		}
		return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
				sha256((text != null) ? text : "").getBytes(StandardCharsets.US_ASCII));
	}

}
