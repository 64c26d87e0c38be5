package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What survives a restart: the active version and the versions that were verified and
 * activated, oldest first (a stack: rolling back pops the current version).
 *
 * @param activeVersion the active version, or {@code null} before the first activation
 * @param history the verified activations, oldest first, without duplicates
 */
public record ModelState(String activeVersion, List<String> history) {

	private static final Set<String> KEYS = Set.of("activeVersion", "history");

	/** The state before anything was activated. */
	public static final ModelState EMPTY = new ModelState(null, List.of());

	public ModelState {
		history = List.copyOf(history);
	}

	/**
	 * The last known good version: the verified version activated before the current one.
	 * @return the version, if any
	 */
	public Optional<String> lastKnownGood() {
		for (int i = this.history.size() - 1; i >= 0; i--) {
			if (!this.history.get(i).equals(this.activeVersion)) {
				return Optional.of(this.history.get(i));
			}
		}
		return Optional.empty();
	}

	/**
	 * Record a verified activation.
	 * @param version the version now active
	 * @return the new state
	 */
	public ModelState activate(String version) {
		List<String> next = new ArrayList<>(this.history);
		next.remove(version);
		next.add(version);
		return new ModelState(version, next);
	}

	/**
	 * Record a rollback to an older verified version: the current one leaves the history.
	 * @param version the version rolled back to
	 * @return the new state
	 */
	public ModelState rollBackTo(String version) {
		List<String> next = new ArrayList<>(this.history);
		if (this.activeVersion != null) {
			next.remove(this.activeVersion);
		}
		next.remove(version);
		next.add(version);
		return new ModelState(version, next);
	}

	static ModelState fromJson(byte[] json) {
		Map<String, Object> map = Json.object(Json.parse(json), "The model state");
		ModelManifest.rejectUnknownKeys(map, KEYS, "The model state");
		List<String> history = new ArrayList<>();
		for (Object entry : Json.array(map.get("history"), "The model state 'history'")) {
			if (!(entry instanceof String version)) {
				throw new IllegalArgumentException("The model state 'history' holds version labels");
			}
			history.add(version);
		}
		return new ModelState(Json.string(map, "activeVersion", "The model state", false), history);
	}

	byte[] toJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("activeVersion", this.activeVersion);
		map.put("history", this.history);
		return Json.pretty(map);
	}

}
