package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vehicle registration plates and postal codes.
 */
final class VehicleAndPostalRecognizers {

	private VehicleAndPostalRecognizers() {
	}

	static List<PiiRecognizer> all() {
		return List.of();
	}

	static void contextWords(Map<String, Set<String>> words) {
	}

}
