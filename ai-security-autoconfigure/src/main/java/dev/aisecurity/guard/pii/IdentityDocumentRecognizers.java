package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Passports, identity cards, driving licences and medical licences.
 */
final class IdentityDocumentRecognizers {

	private IdentityDocumentRecognizers() {
	}

	static List<PiiRecognizer> all() {
		return List.of();
	}

	static void contextWords(Map<String, Set<String>> words) {
	}

}
