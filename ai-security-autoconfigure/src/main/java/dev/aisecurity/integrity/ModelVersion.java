package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the models an application uses: local artifacts and pinned remote
 * models.
 *
 * @param version the version label (for example {@code 1.2.0})
 * @param artifacts the local artifacts
 * @param remoteModels the pinned remote models
 * @param bundles model directories signed with OpenSSF model signing (JSON key
 * {@code sigstoreBundles})
 */
public record ModelVersion(String version, List<ModelArtifact> artifacts, List<RemoteModel> remoteModels,
		List<ModelBundle> bundles) {

	private static final Set<String> KEYS = Set.of("version", "artifacts", "remoteModels", "sigstoreBundles",
			"description");

	public ModelVersion {
		if (version == null || version.isBlank()) {
			throw new IllegalArgumentException("A model version needs a 'version'");
		}
		artifacts = List.copyOf(artifacts);
		remoteModels = List.copyOf(remoteModels);
		bundles = List.copyOf(bundles);
		Set<String> names = new HashSet<>();
		for (ModelArtifact artifact : artifacts) {
			if (!names.add(artifact.name())) {
				throw new IllegalArgumentException(
						"Version " + version + " lists artifact '" + artifact.name() + "' twice");
			}
		}
		for (ModelBundle bundle : bundles) {
			if (!names.add(bundle.name())) {
				throw new IllegalArgumentException(
						"Version " + version + " uses the name '" + bundle.name() + "' twice");
			}
		}
	}

	/**
	 * A version without signed model directories.
	 * @param version the version label
	 * @param artifacts the local artifacts
	 * @param remoteModels the pinned remote models
	 */
	public ModelVersion(String version, List<ModelArtifact> artifacts, List<RemoteModel> remoteModels) {
		this(version, artifacts, remoteModels, List.of());
	}

	/**
	 * Find an artifact by name.
	 * @param name the artifact name
	 * @return the artifact, if listed
	 */
	public Optional<ModelArtifact> artifact(String name) {
		return this.artifacts.stream().filter((artifact) -> artifact.name().equals(name)).findFirst();
	}

	static ModelVersion fromJson(Object json) {
		Map<String, Object> map = Json.object(json, "A manifest version");
		String version = Json.string(map, "version", "A manifest version", true);
		ModelManifest.rejectUnknownKeys(map, KEYS, "Version " + version);
		List<ModelArtifact> artifacts = new ArrayList<>();
		for (Object artifact : Json.array(map.get("artifacts"), "Version " + version + " 'artifacts'")) {
			artifacts.add(ModelArtifact.fromJson(artifact, version));
		}
		List<RemoteModel> remoteModels = new ArrayList<>();
		for (Object remote : Json.array(map.get("remoteModels"), "Version " + version + " 'remoteModels'")) {
			remoteModels.add(RemoteModel.fromJson(remote, version));
		}
		List<ModelBundle> bundles = new ArrayList<>();
		for (Object bundle : Json.array(map.get("sigstoreBundles"), "Version " + version + " 'sigstoreBundles'")) {
			bundles.add(ModelBundle.fromJson(bundle, version));
		}
		return new ModelVersion(version, artifacts, remoteModels, bundles);
	}

	Map<String, Object> toJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("version", this.version);
		map.put("artifacts", this.artifacts.stream().map(ModelArtifact::toJson).toList());
		if (!this.remoteModels.isEmpty()) {
			map.put("remoteModels", this.remoteModels.stream().map(RemoteModel::toJson).toList());
		}
		if (!this.bundles.isEmpty()) {
			map.put("sigstoreBundles", this.bundles.stream().map(ModelBundle::toJson).toList());
		}
		return map;
	}

}
