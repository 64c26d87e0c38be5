package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-toto statement that OpenSSF model signing ({@code model_signing}, the
 * model-transparency project) signs: a model name, a digest over all file digests, and
 * the files with their SHA-256 digests. Only predicate {@value #PREDICATE_TYPE} with
 * serialization method {@code files} and hash {@code sha256} is accepted; everything else
 * is refused with a reason.
 *
 * @param modelName the subject name (informative: the model directory's name when signed)
 * @param subjectSha256 the subject digest: SHA-256 over the raw resource digests in the
 * listed order, lowercase hex
 * @param allowSymlinks whether the signer followed symbolic links
 * @param ignorePaths paths (relative, '/'-separated) the signer left out
 * @param resources the signed files, in the listed order
 */
public record ModelSigningStatement(String modelName, String subjectSha256, boolean allowSymlinks,
		List<String> ignorePaths, List<Resource> resources) {

	/** The in-toto statement type. */
	public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

	/** The model signing predicate of model_signing 1.x. */
	public static final String PREDICATE_TYPE = "https://model_signing/signature/v1.0";

	/** The pre-1.0 predicate (files as subjects); refused. */
	public static final String PREDICATE_TYPE_V01 = "https://model_signing/Digests/v0.1";

	public ModelSigningStatement {
		ignorePaths = List.copyOf(ignorePaths);
		resources = List.copyOf(resources);
		Set<String> names = new HashSet<>();
		for (Resource resource : resources) {
			if (!names.add(resource.name())) {
				throw new IllegalArgumentException("The statement lists file '" + resource.name() + "' twice");
			}
		}
	}

	/**
	 * Build a statement for files, computing the subject digest.
	 * @param modelName the model name
	 * @param allowSymlinks whether symbolic links were followed
	 * @param ignorePaths the paths left out
	 * @param resources the files in the order to list them
	 * @return the statement
	 */
	public static ModelSigningStatement of(String modelName, boolean allowSymlinks, List<String> ignorePaths,
			List<Resource> resources) {
		return new ModelSigningStatement(modelName, subjectDigest(resources), allowSymlinks, ignorePaths, resources);
	}

	/**
	 * Parse and check a statement (the DSSE payload, after its signature was verified).
	 * @param json the payload
	 * @return the statement
	 * @throws ModelIntegrityException ({@code model-manifest-invalid}) if it is malformed
	 * or inconsistent, ({@code model-bundle-unsupported}) if it uses a predicate, method
	 * or hash this verifier does not support
	 */
	public static ModelSigningStatement parse(byte[] json) {
		Map<String, Object> statement;
		try {
			statement = Json.object(Json.parse(json), "The signed statement");
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
		Object type = statement.get("_type");
		if (!STATEMENT_TYPE.equals(type)) {
			throw invalid("statement type " + describe(type) + " is not " + STATEMENT_TYPE);
		}
		Object predicateType = statement.get("predicateType");
		if (PREDICATE_TYPE_V01.equals(predicateType)) {
			throw unsupported("predicate " + PREDICATE_TYPE_V01 + " (model_signing before 1.0) lists files without"
					+ " the serialization parameters needed to check the directory completely; sign the model again"
					+ " with model_signing 1.x");
		}
		if (!PREDICATE_TYPE.equals(predicateType)) {
			throw invalid("predicate type " + describe(predicateType) + " is not " + PREDICATE_TYPE);
		}
		try {
			return fromPredicate(statement);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
	}

	private static ModelSigningStatement fromPredicate(Map<String, Object> statement) {
		List<Object> subjects = Json.array(statement.get("subject"), "The statement 'subject'");
		if (subjects.size() != 1) {
			throw new IllegalArgumentException("the statement must have exactly one subject, found " + subjects.size());
		}
		Map<String, Object> subject = Json.object(subjects.get(0), "The subject");
		String name = Json.string(subject, "name", "The subject", false);
		Map<String, Object> subjectDigest = Json.object(subject.get("digest"), "The subject 'digest'");
		String expected = ModelArtifact
			.normalizeDigest(Json.string(subjectDigest, "sha256", "The subject digest", true));
		Map<String, Object> predicate = Json.object(statement.get("predicate"), "The 'predicate'");
		Map<String, Object> serialization = Json.object(predicate.get("serialization"), "The 'serialization'");
		String method = Json.string(serialization, "method", "The serialization", true);
		if (!"files".equals(method)) {
			throw unsupported("serialization method '" + bounded(method) + "' is not supported (only 'files');"
					+ " sign the model with model_signing's default file serialization");
		}
		String hashType = Json.string(serialization, "hash_type", "The serialization", true);
		if (!"sha256".equals(hashType)) {
			throw unsupported("hash type '" + bounded(hashType) + "' is not supported (only 'sha256');"
					+ " sign with --hash_algorithm sha256 (the default)");
		}
		Object symlinks = serialization.get("allow_symlinks");
		boolean allowSymlinks = Boolean.TRUE.equals(symlinks) || "true".equals(symlinks);
		List<String> ignorePaths = new ArrayList<>();
		for (Object path : Json.array(serialization.get("ignore_paths"), "The 'ignore_paths'")) {
			if (!(path instanceof String text)) {
				throw new IllegalArgumentException("'ignore_paths' must list strings");
			}
			ignorePaths.add(text);
		}
		List<Resource> resources = new ArrayList<>();
		for (Object item : Json.array(predicate.get("resources"), "The 'resources'")) {
			Map<String, Object> resource = Json.object(item, "A resource");
			String resourceName = Json.string(resource, "name", "A resource", true);
			String what = "Resource '" + bounded(resourceName) + "'";
			String algorithm = Json.string(resource, "algorithm", what, true);
			if (!"sha256".equals(algorithm)) {
				throw unsupported(what + " uses algorithm '" + bounded(algorithm) + "' (only 'sha256')");
			}
			resources.add(new Resource(resourceName, Json.string(resource, "digest", what, true)));
		}
		if (resources.isEmpty()) {
			throw new IllegalArgumentException("the statement lists no files");
		}
		String actual = subjectDigest(resources);
		if (!MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
			throw new IllegalArgumentException("the statement is inconsistent: its subject digest is "
					+ Sha256.prefix(expected) + " but its files hash to " + Sha256.prefix(actual));
		}
		return new ModelSigningStatement((name != null) ? name : "", expected, allowSymlinks, ignorePaths, resources);
	}

	/**
	 * The subject digest: SHA-256 over the raw digest bytes of the resources in order.
	 * @param resources the resources
	 * @return the digest in lowercase hex
	 */
	public static String subjectDigest(List<Resource> resources) {
		MessageDigest digest = Sha256.newDigest();
		for (Resource resource : resources) {
			digest.update(HexFormat.of().parseHex(resource.sha256()));
		}
		return Sha256.hex(digest.digest());
	}

	/**
	 * The statement as JSON, the payload to sign.
	 * @return UTF-8 JSON
	 */
	public byte[] toJson() {
		Map<String, Object> serialization = new LinkedHashMap<>();
		serialization.put("method", "files");
		serialization.put("hash_type", "sha256");
		serialization.put("allow_symlinks", this.allowSymlinks);
		serialization.put("ignore_paths", this.ignorePaths);
		List<Object> resourceList = new ArrayList<>();
		for (Resource resource : this.resources) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", resource.name());
			item.put("algorithm", "sha256");
			item.put("digest", resource.sha256());
			resourceList.add(item);
		}
		Map<String, Object> predicate = new LinkedHashMap<>();
		predicate.put("serialization", serialization);
		predicate.put("resources", resourceList);
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("_type", STATEMENT_TYPE);
		statement.put("subject",
				List.of(Map.of("name", this.modelName, "digest", Map.of("sha256", this.subjectSha256))));
		statement.put("predicateType", PREDICATE_TYPE);
		statement.put("predicate", predicate);
		return Json.canonical(statement);
	}

	private static ModelIntegrityException invalid(String message) {
		return new ModelIntegrityException(ModelIntegrityException.Reason.MANIFEST_INVALID,
				"signed model statement is invalid: " + message);
	}

	private static ModelIntegrityException unsupported(String message) {
		return new ModelIntegrityException(ModelIntegrityException.Reason.BUNDLE_UNSUPPORTED,
				"signed model statement is not supported: " + message);
	}

	private static String describe(Object value) {
		return (value instanceof String text) ? "'" + bounded(text) + "'" : "(missing)";
	}

	static String bounded(String value) {
		// Values from a signature file: bounded and printable before they reach a message
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < value.length() && out.length() < 120; i++) {
			char c = value.charAt(i);
			out.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return out.toString();
	}

	/**
	 * One signed file.
	 *
	 * @param name its path relative to the model directory, '/'-separated
	 * @param sha256 its SHA-256 digest, lowercase hex
	 */
	public record Resource(String name, String sha256) {

		public Resource {
			ModelDirectory.requireSafeRelativePath(name);
			sha256 = ModelArtifact.normalizeDigest(sha256);
		}

	}

}
