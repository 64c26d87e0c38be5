package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A model directory signed with OpenSSF model signing ({@code model_signing sign key}),
 * listed in a {@link ModelVersion} under {@code sigstoreBundles}: <pre>
 * {"name": "llm", "path": "llm/model.sig", "directory": "llm"}
 * </pre> The bundle's signature is checked against the trusted EC keys and every file of
 * the directory against the signed statement: missing, extra and changed files fail.
 *
 * @param name a logical name, unique among the version's artifacts and bundles
 * @param location where the bundle file lives: relative to the manifest, an absolute
 * path, or a URI ({@code file:}, {@code classpath:} of a directory on disk)
 * @param directory the model directory; defaults to the directory holding the bundle
 */
public record ModelBundle(String name, String location, String directory) {

	private static final Set<String> KEYS = Set.of("name", "path", "directory", "description");

	public ModelBundle {
		if (name == null || name.isBlank() || location == null || location.isBlank()) {
			throw new IllegalArgumentException("A Sigstore bundle entry needs a 'name' and a 'path'");
		}
		if (directory == null || directory.isBlank()) {
			directory = parentOf(location);
		}
	}

	static ModelBundle fromJson(Object json, String version) {
		String what = "A Sigstore bundle of version " + version;
		Map<String, Object> map = Json.object(json, what);
		ModelManifest.rejectUnknownKeys(map, KEYS, what);
		return new ModelBundle(Json.string(map, "name", what, true), Json.string(map, "path", what, true),
				Json.string(map, "directory", what, false));
	}

	Map<String, Object> toJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", this.name);
		map.put("path", this.location);
		map.put("directory", this.directory);
		return map;
	}

	private static String parentOf(String location) {
		int slash = location.lastIndexOf('/');
		if (slash > 0) {
			return location.substring(0, slash);
		}
		if (slash == 0) {
			return "/";
		}
		int colon = location.indexOf(':');
		// "classpath:model.sig" -> "classpath:"; "model.sig" -> "."
		return (colon > 1) ? location.substring(0, colon + 1) : ".";
	}

}
