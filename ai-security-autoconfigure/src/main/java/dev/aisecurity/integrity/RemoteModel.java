package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A model served by a provider, pinned to a version in a {@link ModelManifest}.
 *
 * @param provider the provider (for example {@code openai}, {@code anthropic},
 * {@code ollama})
 * @param model the pinned model name (for example {@code gpt-4o-2024-08-06})
 * @param property an optional configuration property that must name this model (for
 * example {@code spring.ai.openai.chat.options.model}); may be {@code null}
 */
public record RemoteModel(String provider, String model, String property) {

	private static final Set<String> KEYS = Set.of("provider", "model", "property", "description");

	public RemoteModel {
		if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
			throw new IllegalArgumentException("A remote model needs a provider and a model");
		}
	}

	static RemoteModel fromJson(Object json, String version) {
		String what = "A remote model of version " + version;
		Map<String, Object> map = Json.object(json, what);
		ModelManifest.rejectUnknownKeys(map, KEYS, what);
		return new RemoteModel(Json.string(map, "provider", what, true), Json.string(map, "model", what, true),
				Json.string(map, "property", what, false));
	}

	Map<String, Object> toJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("provider", this.provider);
		map.put("model", this.model);
		if (this.property != null) {
			map.put("property", this.property);
		}
		return map;
	}

}
