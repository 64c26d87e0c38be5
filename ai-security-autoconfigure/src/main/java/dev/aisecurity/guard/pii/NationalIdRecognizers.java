package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * National identifiers that carry a check digit or strict structure.
 */
final class NationalIdRecognizers {

	private NationalIdRecognizers() {
	}

	static List<PiiRecognizer> all() {
		List<PiiRecognizer> all = new ArrayList<>();
		return all;
	}

	static void contextWords(Map<String, Set<String>> words) {
	}

}
