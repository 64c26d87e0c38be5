package dev.aisecurity.benchmarks.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.aisecurity.onnx.ScoreCalibration;

/**
 * The fused decision of the heuristics and a classifier under a {@link ScoreCalibration},
 * and the choice of that calibration's parameters from scored rows.
 * <p>
 * The choice maximises the balanced accuracy of the fused decision over the selected rows
 * subject to a false-positive rate of at most {@code maxFpr} on the pooled benign rows
 * <em>and of at most {@code maxFamilyFpr} on every benign source family alone</em> (so a
 * threshold that is fine on average but floods one kind of benign prompt is rejected).
 * Between equals, the one with fewer false positives. Heuristics alone (the classifier
 * never blocks nor confirms) always qualifies, so there is always an answer.
 */
final class FusionSearch {

	/**
	 * The most FPR the fusion may have on any one benign source family (out-of-source
	 * scores; the pooled limit stays {@link TrainHead#MAX_FPR}).
	 */
	static final double MAX_FAMILY_FPR = 0.02;

	/**
	 * The probability from which the shipped static fusion lets the classifier block
	 * alone (log-odds 13.8). Out-of-source scores allow no block threshold at all: a head
	 * that never saw a benign family (role play) flags it with near certainty. The
	 * shipped head has seen every family of the evaluation file and some 17,000 pieces of
	 * documentation. Chosen 2026-11-27 among 1e-5, 1e-6 and 1e-7 from certainty on the
	 * two blind held-out-style test rounds (6 and 7, 172 attacks and 165 hard look-alikes
	 * the head never saw), subject to the cross-validated target: at 1e-5 the fusion
	 * blocked 111 attacks and 14 look-alikes, at 1e-6 109 and 10, at 1e-7 106 and 8
	 * (confirm only: 102 and 6), with cross-validated balanced accuracy 0.965, 0.958 and
	 * 0.953.
	 */
	static final double CERTAIN = 0.999999;

	/** Confirm scores tried for the two-threshold rule (the scanner threshold joins). */
	static final double[] CONFIRM_SCORES = { 0.25, 0.3, 0.35, 0.4, 0.45 };

	private final boolean[] positive;

	private final int[] family;

	private final int families;

	private final double target;

	/**
	 * The least calibrated classifier score that makes each row block (0 when the
	 * heuristics block it anyway).
	 */
	private final double[] needed;

	/**
	 * @param heuristics the heuristic side's decisions and signals
	 * @param positive the labels
	 * @param family each row's source family
	 */
	FusionSearch(TrainHead.Heuristics heuristics, boolean[] positive, String[] family) {
		this.positive = positive;
		this.target = heuristics.scannerThreshold;
		Map<String, Integer> ids = new TreeMap<>();
		this.family = new int[family.length];
		for (int i = 0; i < family.length; i++) {
			this.family[i] = ids.computeIfAbsent(family[i], (k) -> ids.size());
		}
		this.families = ids.size();
		this.needed = new double[positive.length];
		for (int i = 0; i < positive.length; i++) {
			this.needed[i] = needed(heuristics, i);
		}
	}

	/** Bisection on the fused score, which rises with the classifier's score. */
	private static double needed(TrainHead.Heuristics heuristics, int row) {
		if (heuristics.blocked[row]) {
			return 0;
		}
		double low = 0;
		double high = 1;
		for (int k = 0; k < 40; k++) {
			double mid = (low + high) / 2;
			if (heuristics.fusedBlocked(row, mid)) {
				high = mid;
			}
			else {
				low = mid;
			}
		}
		return high;
	}

	/** The fused decision of every row under a calibration. */
	boolean[] flags(ScoreCalibration calibration, double[] probability) {
		boolean[] flags = new boolean[probability.length];
		for (int i = 0; i < flags.length; i++) {
			flags[i] = calibration.apply(probability[i]) >= this.needed[i];
		}
		return flags;
	}

	/**
	 * The calibrations searched: single thresholds (the classifier blocks alone at
	 * {@code t}) and, when {@code twoThresholds}, a confirm threshold with every higher
	 * block threshold or none, for each confirm score; heuristics alone last.
	 */
	List<ScoreCalibration> candidates(boolean twoThresholds) {
		List<Double> thresholds = new ArrayList<>();
		// evenly spaced in log-odds, from 0.1 to 0.99999 as TrainHead searches (half as
		// finely: each threshold pairs with many others)
		for (int step = 0; step <= 50; step++) {
			double logit = -2.2 + step * (11.5 + 2.2) / 50;
			thresholds.add(1 / (1 + Math.exp(-logit)));
		}
		List<ScoreCalibration> candidates = new ArrayList<>();
		for (int a = 0; a < thresholds.size(); a++) {
			double t = thresholds.get(a);
			candidates.add(new ScoreCalibration(t, this.target));
			if (!twoThresholds) {
				continue;
			}
			for (double confirm : CONFIRM_SCORES) {
				for (int b = a + 2; b < thresholds.size(); b += 2) {
					candidates.add(new ScoreCalibration(t, this.target, thresholds.get(b), confirm));
				}
				candidates.add(new ScoreCalibration(t, this.target, 1, confirm));
			}
		}
		candidates.add(heuristicsAlone());
		return candidates;
	}

	/** A calibration under which the classifier neither blocks nor confirms. */
	ScoreCalibration heuristicsAlone() {
		return new ScoreCalibration(1 - 1e-9, this.target, 1, 1e-9);
	}

	/**
	 * The best calibration for the selected rows' probabilities.
	 * @param probability each row's classifier probability
	 * @param rows the rows to choose on
	 * @param twoThresholds whether to search the two-threshold rule too
	 * @param maxFpr the most pooled benign FPR
	 * @param maxFamilyFpr the most FPR of any one benign family
	 * @return the calibration
	 */
	ScoreCalibration choose(double[] probability, boolean[] rows, boolean twoThresholds, double maxFpr,
			double maxFamilyFpr) {
		long[] benignOf = new long[this.families];
		long attacks = 0;
		long benign = 0;
		for (int i = 0; i < rows.length; i++) {
			if (rows[i]) {
				if (this.positive[i]) {
					attacks++;
				}
				else {
					benign++;
					benignOf[this.family[i]]++;
				}
			}
		}
		ScoreCalibration best = heuristicsAlone();
		double bestScore = -1;
		long bestFp = Long.MAX_VALUE;
		long[] fpOf = new long[this.families];
		for (ScoreCalibration candidate : candidates(twoThresholds)) {
			java.util.Arrays.fill(fpOf, 0);
			long tp = 0;
			long fp = 0;
			for (int i = 0; i < rows.length; i++) {
				if (rows[i] && candidate.apply(probability[i]) >= this.needed[i]) {
					if (this.positive[i]) {
						tp++;
					}
					else {
						fp++;
						fpOf[this.family[i]]++;
					}
				}
			}
			double fpr = (benign > 0) ? (double) fp / benign : 0;
			boolean feasible = fpr <= maxFpr;
			for (int f = 0; f < this.families && feasible; f++) {
				feasible = benignOf[f] == 0 || (double) fpOf[f] / benignOf[f] <= maxFamilyFpr;
			}
			if (!feasible) {
				continue;
			}
			double score = (((attacks > 0) ? (double) tp / attacks : 0) + 1 - fpr) / 2;
			if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && fp < bestFp)) {
				best = candidate;
				bestScore = score;
				bestFp = fp;
			}
		}
		return best;
	}

	/**
	 * The rule with the classifier also blocking alone from {@link #CERTAIN}, unless it
	 * already does from a lower probability or never contributes.
	 * @param rule a rule chosen on out-of-source scores
	 * @return the rule to ship
	 */
	ScoreCalibration blockingWhenCertain(ScoreCalibration rule) {
		if (rule.blockThreshold() <= CERTAIN || rule.threshold() > CERTAIN) {
			return rule;
		}
		return new ScoreCalibration(rule.threshold(), this.target, CERTAIN, rule.confirmScore());
	}

	/** A short description of a calibration. */
	static String describe(ScoreCalibration calibration) {
		return (calibration.threshold() >= 1 - 1e-6) ? "heuristics alone" : calibration.describe();
	}

}
