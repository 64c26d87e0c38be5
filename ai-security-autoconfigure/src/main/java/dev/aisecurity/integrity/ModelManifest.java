package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model manifest: the versions of the models an application may load, each listing
 * local artifacts with their SHA-256 digests and sizes and remote models pinned by
 * provider and version.
 * <p>
 * The JSON form is: <pre>
 * {"schema": 1, "name": "demo", "versions": [
 *   {"version": "1.0.0",
 *    "artifacts": [{"name": "classifier", "path": "classifier.onnx", "sha256": "...", "size": 1234}],
 *    "remoteModels": [{"provider": "openai", "model": "gpt-4o-2024-08-06"}]}]}
 * </pre> Versions are listed oldest first. A signature covers the
 * {@linkplain #canonicalBytes() canonical bytes} of the whole document, so reformatting
 * the file does not break it but any change of content does.
 *
 * @param name the manifest name
 * @param versions the versions, oldest first
 * @param canonicalBytes the canonical form of the parsed document (what a signature
 * covers)
 */
public record ModelManifest(String name, List<ModelVersion> versions, byte[] canonicalBytes) {

	/** The schema version this code reads and writes. */
	public static final long SCHEMA = 1;

	private static final Set<String> KEYS = Set.of("schema", "name", "versions", "description");

	public ModelManifest {
		versions = List.copyOf(versions);
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("A model manifest lists at least one version");
		}
		Set<String> labels = new HashSet<>();
		for (ModelVersion version : versions) {
			if (!labels.add(version.version())) {
				throw new IllegalArgumentException("The manifest lists version " + version.version() + " twice");
			}
		}
		canonicalBytes = canonicalBytes.clone();
	}

	/**
	 * Parse a manifest.
	 * @param json the UTF-8 JSON document
	 * @return the manifest
	 * @throws IllegalArgumentException if the document is malformed or invalid
	 */
	public static ModelManifest parse(byte[] json) {
		Object document = Json.parse(json);
		Map<String, Object> map = Json.object(document, "A model manifest");
		rejectUnknownKeys(map, KEYS, "The model manifest");
		Object schema = map.get("schema");
		if (!(schema instanceof Long number) || number != SCHEMA) {
			throw new IllegalArgumentException("The model manifest must declare \"schema\": " + SCHEMA);
		}
		List<ModelVersion> versions = new ArrayList<>();
		for (Object version : Json.array(map.get("versions"), "The manifest 'versions'")) {
			versions.add(ModelVersion.fromJson(version));
		}
		String name = Json.string(map, "name", "The model manifest", false);
		return new ModelManifest((name != null) ? name : "models", versions, Json.canonical(document));
	}

	/**
	 * Build a manifest from its parts (used by the tools that write manifests).
	 * @param name the name
	 * @param versions the versions, oldest first
	 * @return the manifest
	 */
	public static ModelManifest of(String name, List<ModelVersion> versions) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("schema", SCHEMA);
		map.put("name", name);
		map.put("versions", versions.stream().map(ModelVersion::toJson).toList());
		return new ModelManifest(name, versions, Json.canonical(map));
	}

	/**
	 * Find a version.
	 * @param version the label
	 * @return the version, if listed
	 */
	public Optional<ModelVersion> version(String version) {
		return this.versions.stream().filter((candidate) -> candidate.version().equals(version)).findFirst();
	}

	/**
	 * The newest version: the last one listed.
	 * @return the newest version
	 */
	public ModelVersion latest() {
		return this.versions.get(this.versions.size() - 1);
	}

	/**
	 * The version listed just before the given one.
	 * @param version a label
	 * @return the older neighbour, if any
	 */
	public Optional<ModelVersion> previous(String version) {
		for (int i = 1; i < this.versions.size(); i++) {
			if (this.versions.get(i).version().equals(version)) {
				return Optional.of(this.versions.get(i - 1));
			}
		}
		return Optional.empty();
	}

	/**
	 * A copy of the canonical bytes: what a signature covers.
	 * @return the canonical bytes
	 */
	@Override
	public byte[] canonicalBytes() {
		return this.canonicalBytes.clone();
	}

	/**
	 * The manifest as readable JSON.
	 * @return UTF-8 bytes
	 */
	public byte[] toPrettyJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("schema", SCHEMA);
		map.put("name", this.name);
		map.put("versions", this.versions.stream().map(ModelVersion::toJson).toList());
		return Json.pretty(map);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ModelManifest manifest
				&& java.util.Arrays.equals(this.canonicalBytes, manifest.canonicalBytes);
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(this.canonicalBytes);
	}

	@Override
	public String toString() {
		return "ModelManifest[name=" + this.name + ", versions="
				+ this.versions.stream().map(ModelVersion::version).toList() + "]";
	}

	static void rejectUnknownKeys(Map<String, Object> map, Set<String> allowed, String what) {
		Set<String> unknown = new TreeSet<>(map.keySet());
		unknown.removeAll(allowed);
		if (!unknown.isEmpty()) {
			// Key names are schema words, short and safe to name; cap them anyway
			String first = unknown.iterator().next();
			throw new IllegalArgumentException(
					what + " has an unknown key '" + first.substring(0, Math.min(first.length(), 40)) + "'");
		}
	}

}
