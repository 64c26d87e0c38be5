package dev.aisecurity.benchmarks.onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups near-duplicate texts so cross-validation never trains on one copy and tests on
 * another: two texts share a group when their letters and digits (lower case) start with
 * the same 40 characters or end with the same 40 characters, transitively. This catches
 * templates filled in with different questions (jailbreak templates, competition
 * submissions that differ in one word) at the price of a few over-merged groups.
 */
final class NearDuplicateGroups {

	static final int KEY_CHARS = 40;

	private NearDuplicateGroups() {
	}

	/**
	 * The group of every text, numbered from 0.
	 */
	static int[] groups(List<String> texts) {
		int[] parent = new int[texts.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		Map<String, Integer> firstByKey = new HashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			String letters = letters(texts.get(i));
			if (letters.length() <= KEY_CHARS) {
				link(parent, i, "=" + letters, firstByKey);
				continue;
			}
			link(parent, i, "^" + letters.substring(0, KEY_CHARS), firstByKey);
			link(parent, i, "$" + letters.substring(letters.length() - KEY_CHARS), firstByKey);
		}
		int[] groups = new int[texts.size()];
		Map<Integer, Integer> numbers = new HashMap<>();
		for (int i = 0; i < groups.length; i++) {
			groups[i] = numbers.computeIfAbsent(find(parent, i), (root) -> numbers.size());
		}
		return groups;
	}

	private static void link(int[] parent, int i, String key, Map<String, Integer> firstByKey) {
		Integer first = firstByKey.putIfAbsent(key, i);
		if (first != null) {
			parent[find(parent, i)] = find(parent, first);
		}
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	static String letters(String text) {
		StringBuilder builder = new StringBuilder(text.length());
		text.codePoints()
			.filter(Character::isLetterOrDigit)
			.map(Character::toLowerCase)
			.forEach(builder::appendCodePoint);
		return builder.toString();
	}

}
