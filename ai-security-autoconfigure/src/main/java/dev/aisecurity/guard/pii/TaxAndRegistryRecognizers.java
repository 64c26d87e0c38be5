package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tax, business-registry, voter and bank-account numbers.
 */
final class TaxAndRegistryRecognizers {

	private TaxAndRegistryRecognizers() {
	}

	static List<PiiRecognizer> all() {
		return List.of();
	}

	static void contextWords(Map<String, Set<String>> words) {
	}

}
