package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A local model artifact listed in a {@link ModelManifest}: an ONNX or GGUF file, a
 * tokenizer, an adapter.
 *
 * @param name a logical name, unique within its version (for example {@code embedding})
 * @param location where the artifact lives: a path relative to the manifest, an absolute
 * path, or a URI ({@code file:}, {@code classpath:})
 * @param sha256 the expected SHA-256 digest, 64 lowercase hex digits
 * @param size the expected size in bytes
 * @param property an optional configuration property that this artifact feeds (for
 * example {@code spring.ai.embedding.transformer.onnx.model-uri}); may be {@code null}
 */
public record ModelArtifact(String name, String location, String sha256, long size, String property) {

	private static final Set<String> KEYS = Set.of("name", "path", "sha256", "size", "property", "description");

	public ModelArtifact {
		requireText(name, "name");
		requireText(location, "path");
		sha256 = normalizeDigest(sha256);
		if (size < 0) {
			throw new IllegalArgumentException("Artifact '" + name + "' has a negative size");
		}
	}

	static ModelArtifact fromJson(Object json, String version) {
		Map<String, Object> map = Json.object(json, "An artifact of version " + version);
		ModelManifest.rejectUnknownKeys(map, KEYS, "An artifact of version " + version);
		String name = Json.string(map, "name", "An artifact of version " + version, true);
		String what = "Artifact '" + name + "' of version " + version;
		Object size = map.get("size");
		if (!(size instanceof Long length)) {
			throw new IllegalArgumentException(what + " needs an integer 'size'");
		}
		return new ModelArtifact(name, Json.string(map, "path", what, true), Json.string(map, "sha256", what, true),
				length, Json.string(map, "property", what, false));
	}

	Map<String, Object> toJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", this.name);
		map.put("path", this.location);
		map.put("sha256", this.sha256);
		map.put("size", this.size);
		if (this.property != null) {
			map.put("property", this.property);
		}
		return map;
	}

	/**
	 * Return a copy with another digest and size, as computed from the file.
	 * @param sha256 the digest
	 * @param size the size
	 * @return the copy
	 */
	public ModelArtifact withDigest(String sha256, long size) {
		return new ModelArtifact(this.name, this.location, sha256, size, this.property);
	}

	static String normalizeDigest(String sha256) {
		requireText(sha256, "sha256");
		String digest = sha256.toLowerCase(Locale.ROOT);
		if (digest.startsWith("sha256:")) {
			digest = digest.substring("sha256:".length());
		}
		if (digest.length() != 64) {
			throw new IllegalArgumentException("A SHA-256 digest has 64 hex digits");
		}
		for (int i = 0; i < digest.length(); i++) {
			char c = digest.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				throw new IllegalArgumentException("A SHA-256 digest has only hex digits");
			}
		}
		return digest;
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Model artifact '" + what + "' must not be empty");
		}
	}

}
