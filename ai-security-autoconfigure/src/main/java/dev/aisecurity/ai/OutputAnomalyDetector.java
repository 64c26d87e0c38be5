package dev.aisecurity.ai;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.aisecurity.guard.moderation.TermMatcher;
import dev.aisecurity.guard.text.Confusables;

/**
 * Spots unusual model output from metadata: an answer far longer than the running
 * baseline (an exponentially weighted mean of earlier lengths), a high share of redacted
 * characters, and repeated refusals (blocked outputs or the model refusing) for one
 * caller within a time window. Each anomaly goes to the sink (a metric and an application
 * event in the Spring edge). Thread-safe; keeps per-caller state for a bounded number of
 * callers.
 */
public final class OutputAnomalyDetector {

	private static final int MAX_PRINCIPALS = 10_000;

	private static final String ANONYMOUS = "";

	private final Settings settings;

	private final Consumer<OutputAnomaly> sink;

	private final LongSupplier clock;

	private final TermMatcher refusalPhrases;

	private final Map<String, ArrayDeque<Long>> refusals = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Long>> eldest) {
			return size() > MAX_PRINCIPALS;
		}
	};

	private double baseline;

	private long samples;

	public OutputAnomalyDetector(Settings settings, Consumer<OutputAnomaly> sink) {
		this(settings, sink, System::currentTimeMillis);
	}

	/**
	 * With a clock, for tests.
	 */
	public OutputAnomalyDetector(Settings settings, Consumer<OutputAnomaly> sink, LongSupplier clock) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.sink = Objects.requireNonNull(sink, "sink");
		this.clock = clock;
		Map<String, String> phrases = new LinkedHashMap<>();
		for (String phrase : new String[] { "i can't help with that", "i cannot help with that",
				"i can't assist with that", "i cannot assist with that", "i'm sorry, but i can't",
				"i am sorry, but i cannot", "i'm unable to help with", "i am unable to help with",
				"i won't be able to help with" }) {
			phrases.put(phrase, "refusal");
		}
		this.refusalPhrases = TermMatcher.of(phrases);
	}

	/**
	 * Whether an answer reads as the model refusing. Looks at the first 300 characters
	 * only.
	 */
	public boolean isModelRefusal(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		String head = (text.length() > 300) ? text.substring(0, 300) : text;
		return this.refusalPhrases.matchesAny(Confusables.fold(head));
	}

	/**
	 * Record one finished output.
	 * @param principal the caller, or {@code null}
	 * @param length output length in characters (as received from the model)
	 * @param redactedChars characters rewritten by the guard
	 * @param refused whether the output was blocked or the model refused
	 */
	public void record(String principal, int length, int redactedChars, boolean refused) {
		checkLength(principal, length);
		if (length >= this.settings.minRedactionLength() && length > 0) {
			double share = redactedChars / (double) length;
			if (share >= this.settings.redactionShare()) {
				emit(new OutputAnomaly(OutputAnomaly.Kind.REDACTIONS, principal, length, share,
						this.settings.redactionShare()));
			}
		}
		if (refused) {
			checkRefusals(principal, length);
		}
	}

	private void checkLength(String principal, int length) {
		double ratio;
		synchronized (this) {
			ratio = (this.samples >= this.settings.minSamples() && this.baseline > 0) ? length / this.baseline : 0;
			double alpha = 2.0 / (this.settings.window() + 1);
			this.baseline = (this.samples == 0) ? length : this.baseline + alpha * (length - this.baseline);
			this.samples++;
		}
		if (ratio >= this.settings.lengthFactor() && length >= this.settings.minAnomalousLength()) {
			emit(new OutputAnomaly(OutputAnomaly.Kind.LENGTH, principal, length, ratio, this.settings.lengthFactor()));
		}
	}

	private void checkRefusals(String principal, int length) {
		long now = this.clock.getAsLong();
		int count;
		synchronized (this.refusals) {
			ArrayDeque<Long> times = this.refusals.computeIfAbsent((principal != null) ? principal : ANONYMOUS,
					(key) -> new ArrayDeque<>());
			times.addLast(now);
			while (!times.isEmpty() && times.peekFirst() < now - this.settings.refusalWindowMillis()) {
				times.removeFirst();
			}
			while (times.size() > this.settings.refusalCount() * 4) {
				times.removeFirst();
			}
			count = times.size();
		}
		if (count >= this.settings.refusalCount()) {
			emit(new OutputAnomaly(OutputAnomaly.Kind.REFUSALS, principal, length, count,
					this.settings.refusalCount()));
		}
	}

	private void emit(OutputAnomaly anomaly) {
		try {
			this.sink.accept(anomaly);
		}
		catch (RuntimeException ex) {
			// reporting must never break the answer
		}
	}

	/**
	 * Thresholds.
	 *
	 * @param lengthFactor an output this many times the baseline is anomalous
	 * @param minAnomalousLength shorter outputs are never anomalous for their length
	 * @param minSamples outputs seen before the baseline is trusted
	 * @param window smoothing window of the baseline, in outputs
	 * @param redactionShare share of redacted characters that is anomalous
	 * @param minRedactionLength shorter outputs are not judged for redactions
	 * @param refusalCount refusals within the window that are anomalous
	 * @param refusalWindowMillis the refusal window
	 */
	public record Settings(double lengthFactor, int minAnomalousLength, int minSamples, int window,
			double redactionShare, int minRedactionLength, int refusalCount, long refusalWindowMillis) {

		public static Settings defaults() {
			return new Settings(5.0, 2000, 20, 50, 0.3, 40, 3, 600_000);
		}

	}

}
