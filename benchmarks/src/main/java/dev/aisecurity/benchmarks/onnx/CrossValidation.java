package dev.aisecurity.benchmarks.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stratified, grouped k-fold assignment: every near-duplicate group lands in one fold,
 * and each fold gets about the same number of positive and of negative rows.
 */
final class CrossValidation {

	private CrossValidation() {
	}

	/**
	 * The fold of every row.
	 * @param groups the group of every row
	 * @param positive the label of every row
	 * @param folds how many folds
	 * @return the fold of every row, 0 to {@code folds - 1}
	 */
	static int[] folds(int[] groups, boolean[] positive, int folds) {
		Map<Integer, int[]> counts = new HashMap<>();
		for (int i = 0; i < groups.length; i++) {
			int[] c = counts.computeIfAbsent(groups[i], (g) -> new int[2]);
			c[positive[i] ? 1 : 0]++;
		}
		List<Map.Entry<Integer, int[]>> ordered = new ArrayList<>(counts.entrySet());
		// largest groups first, ties by group number so the assignment is deterministic
		ordered.sort(Comparator.<Map.Entry<Integer, int[]>>comparingInt((e) -> -(e.getValue()[0] + e.getValue()[1]))
			.thenComparingInt(Map.Entry::getKey));
		int[][] load = new int[folds][2];
		Map<Integer, Integer> foldOfGroup = new HashMap<>();
		for (Map.Entry<Integer, int[]> entry : ordered) {
			int[] c = entry.getValue();
			int label = (c[1] >= c[0]) ? 1 : 0;
			int best = 0;
			for (int f = 1; f < folds; f++) {
				if (load[f][label] < load[best][label]) {
					best = f;
				}
			}
			load[best][0] += c[0];
			load[best][1] += c[1];
			foldOfGroup.put(entry.getKey(), best);
		}
		int[] fold = new int[groups.length];
		for (int i = 0; i < groups.length; i++) {
			fold[i] = foldOfGroup.get(groups[i]);
		}
		return fold;
	}

}
