package dev.aisecurity.guard.poisoning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.guard.text.Confusables;

/**
 * Finds floods of near-duplicate texts within a batch: many copies of one text with small
 * edits, the cheap way to make a poisoned passage dominate similarity search. Each text
 * gets a 64-bit SimHash of its word 3-shingles; two texts are near duplicates when their
 * hashes differ in at most {@code maxDistance} bits (at most 3). Candidate pairs come
 * from four 16-bit bands (two hashes within 3 bits agree on at least one band), so the
 * work stays close to linear in the batch.
 */
public final class NearDuplicates {

	/** Largest supported Hamming distance (the banding guarantees recall up to 3). */
	public static final int MAX_DISTANCE = 3;

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private NearDuplicates() {
	}

	/**
	 * The SimHash of a text.
	 */
	public static long simHash(String text) {
		String folded = Confusables.fold(text);
		List<Long> tokens = new ArrayList<>();
		long hash = FNV_OFFSET;
		boolean inWord = false;
		for (int i = 0; i <= folded.length(); i++) {
			char c = (i < folded.length()) ? folded.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				hash = (hash ^ c) * FNV_PRIME;
				inWord = true;
			}
			else if (inWord) {
				tokens.add(hash);
				hash = FNV_OFFSET;
				inWord = false;
			}
		}
		int[] weights = new int[64];
		if (tokens.size() < 3) {
			for (long token : tokens) {
				add(weights, mix(token));
			}
		}
		for (int i = 0; i + 2 < tokens.size(); i++) {
			add(weights, mix(tokens.get(i) * 31 + tokens.get(i + 1) * 17 + tokens.get(i + 2)));
		}
		long result = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (weights[bit] > 0) {
				result |= 1L << bit;
			}
		}
		return result;
	}

	private static void add(int[] weights, long value) {
		for (int bit = 0; bit < 64; bit++) {
			weights[bit] += (((value >>> bit) & 1L) != 0) ? 1 : -1;
		}
	}

	private static long mix(long value) {
		long z = value + 0x9e3779b97f4a7c15L;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/**
	 * For each text, the number of texts in the batch (itself included) that are its near
	 * duplicates, and the index of the first of them.
	 * @param texts the batch
	 * @param maxDistance at most {@value #MAX_DISTANCE} differing bits
	 * @return one group per text
	 */
	public static List<Group> groups(List<String> texts, int maxDistance) {
		if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
			throw new IllegalArgumentException("maxDistance must be within [0, " + MAX_DISTANCE + "]");
		}
		int n = texts.size();
		long[] hashes = new long[n];
		for (int i = 0; i < n; i++) {
			hashes[i] = simHash(texts.get(i));
		}
		// union-find over candidate pairs from the bands
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		for (int band = 0; band < 4; band++) {
			Map<Long, List<Integer>> buckets = new HashMap<>();
			for (int i = 0; i < n; i++) {
				long key = (hashes[i] >>> (band * 16)) & 0xFFFFL;
				buckets.computeIfAbsent(key, (k) -> new ArrayList<>()).add(i);
			}
			for (List<Integer> bucket : buckets.values()) {
				int first = bucket.get(0);
				for (int k = 1; k < bucket.size(); k++) {
					int other = bucket.get(k);
					if (Long.bitCount(hashes[first] ^ hashes[other]) <= maxDistance) {
						union(parent, first, other);
					}
					else {
						// compare with the representative of the bucket's first group
						int root = find(parent, first);
						if (Long.bitCount(hashes[root] ^ hashes[other]) <= maxDistance) {
							union(parent, root, other);
						}
					}
				}
			}
		}
		int[] sizes = new int[n];
		int[] firsts = new int[n];
		java.util.Arrays.fill(firsts, -1);
		for (int i = 0; i < n; i++) {
			int root = find(parent, i);
			sizes[root]++;
			if (firsts[root] < 0) {
				firsts[root] = i;
			}
		}
		List<Group> groups = new ArrayList<>(n);
		int[] seen = new int[n];
		for (int i = 0; i < n; i++) {
			int root = find(parent, i);
			seen[root]++;
			groups.add(new Group(firsts[root], sizes[root], seen[root]));
		}
		return groups;
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(int[] parent, int a, int b) {
		int ra = find(parent, a);
		int rb = find(parent, b);
		if (ra != rb) {
			parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}

	/**
	 * The near-duplicate group of one text.
	 *
	 * @param first index of the group's first text in the batch
	 * @param size how many texts the group holds
	 * @param rank this text's position in its group, from 1
	 */
	public record Group(int first, int size, int rank) {

	}

}
