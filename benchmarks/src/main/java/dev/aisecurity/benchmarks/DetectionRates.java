package dev.aisecurity.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a detector over labelled rows and the rates the evaluation reports: true- and
 * false-positive rates, balanced accuracy, and flagged rates per group. Rates are rounded
 * to four decimals; balanced accuracy is computed from the unrounded rates.
 */
public final class DetectionRates {

	private long positives;

	private long truePositives;

	private long negatives;

	private long falsePositives;

	/**
	 * Counts one row.
	 * @param positive whether the row is labelled as something to catch
	 * @param flagged whether the detector flagged it
	 */
	public void add(boolean positive, boolean flagged) {
		if (positive) {
			this.positives++;
			this.truePositives += flagged ? 1 : 0;
		}
		else {
			this.negatives++;
			this.falsePositives += flagged ? 1 : 0;
		}
	}

	public long positives() {
		return this.positives;
	}

	public long negatives() {
		return this.negatives;
	}

	/** Unrounded true-positive rate (0 without positives). */
	public double tpr() {
		return ratio(this.truePositives, this.positives);
	}

	/** Unrounded false-positive rate (0 without negatives). */
	public double fpr() {
		return ratio(this.falsePositives, this.negatives);
	}

	/** Puts {@code tpr}, {@code fpr} and {@code balanced_accuracy}, rounded. */
	public void putRates(Map<String, Object> results) {
		results.put("tpr", round(tpr()));
		results.put("fpr", round(fpr()));
		results.put("balanced_accuracy", round((tpr() + (1 - fpr())) / 2));
	}

	public static double ratio(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

	public static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

	/**
	 * Rows and flagged rows per group (a category, a task, a secret type), reported in
	 * group order as {@code {"rows", "flagged_rate"}}.
	 */
	public static final class ByGroup {

		private final Map<String, long[]> counts = new TreeMap<>();

		public void add(String group, boolean flagged) {
			long[] entry = this.counts.computeIfAbsent(group, (key) -> new long[2]);
			entry[0]++;
			entry[1] += flagged ? 1 : 0;
		}

		public Map<String, Object> toMap() {
			Map<String, Object> rates = new LinkedHashMap<>();
			this.counts.forEach((group, entry) -> {
				Map<String, Object> value = new LinkedHashMap<>();
				value.put("rows", entry[0]);
				value.put("flagged_rate", round(ratio(entry[1], entry[0])));
				rates.put(group, value);
			});
			return rates;
		}

	}

}
