package dev.aisecurity.guard.extraction;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spots model extraction: a principal systematically querying the model to copy it.
 * Keeps, per principal, a sliding window of recent requests (time, prompt shape, output
 * tokens, never the text) and scores each new request from the request rate, the output
 * token volume, the share of prompts filling the same template as an earlier one
 * (enumeration with varying slots) and the share of near-duplicates (SimHash). Scores at
 * or above the thresholds ask for an alert, a throttle or a block for a cool-down. State
 * is local to this instance. Thread-safe.
 */
public final class ExtractionDetector {

	private final Settings settings;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public ExtractionDetector(Settings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Assess a new request of a principal and remember it.
	 * @param principal who
	 * @param prompt the user text (only its shape is kept)
	 * @param nowMillis the current time
	 * @return the assessment
	 */
	public ExtractionAssessment observe(String principal, String prompt, long nowMillis) {
		PromptShape shape = PromptShape.of((prompt != null) ? prompt : "");
		Window window = this.windows.computeIfAbsent(principal, (key) -> new Window());
		synchronized (window) {
			window.evict(nowMillis - this.settings.window().toMillis());
			boolean templated = false;
			boolean nearDuplicate = false;
			int compared = 0;
			for (Iterator<Entry> it = window.entries.descendingIterator(); it.hasNext()
					&& compared < this.settings.compareWith(); compared++) {
				Entry previous = it.next();
				templated |= shape.sameTemplateAs(previous.shape, this.settings.templateSimilarity());
				nearDuplicate |= shape.nearDuplicateOf(previous.shape, this.settings.nearDuplicateDistance());
			}
			window.add(new Entry(nowMillis, shape, templated, nearDuplicate), this.settings.maxEntries());
			ExtractionAssessment assessment = assess(window, nowMillis);
			window.lastAction = assessment.action();
			window.lastScore = assessment.score();
			if (assessment.action() == ExtractionAction.BLOCK) {
				window.blockedUntil = nowMillis + this.settings.coolDown().toMillis();
			}
			else if (nowMillis < window.blockedUntil) {
				return new ExtractionAssessment(assessment.score(), ExtractionAction.BLOCK, assessment.requests(),
						assessment.requestsPerMinute(), assessment.templatedShare(), assessment.nearDuplicateShare(),
						assessment.outputTokens());
			}
			return assessment;
		}
	}

	/**
	 * What the detector currently asks for a principal, without recording a request: the
	 * action of its latest assessment while that request is still in the window, or
	 * {@link ExtractionAction#BLOCK} during a cool-down. Used to throttle a principal
	 * before its request is admitted.
	 * @param principal who
	 * @param nowMillis the current time
	 * @return the current action, {@link ExtractionAction#NONE} for unknown principals
	 */
	public ExtractionAction currentAction(String principal, long nowMillis) {
		Window window = this.windows.get(principal);
		if (window == null) {
			return ExtractionAction.NONE;
		}
		synchronized (window) {
			if (nowMillis < window.blockedUntil) {
				return ExtractionAction.BLOCK;
			}
			Entry last = window.entries.peekLast();
			if (last == null || last.millis < nowMillis - this.settings.window().toMillis()) {
				return ExtractionAction.NONE;
			}
			return window.lastAction;
		}
	}

	/**
	 * The principals with the highest latest scores, for dashboards: read-only, records
	 * nothing. Principals whose latest request has left the window are left out unless
	 * they are blocked.
	 * @param limit most principals returned
	 * @param nowMillis the current time
	 * @return the principals, highest score first
	 */
	public List<ExtractionScore> highestScores(int limit, long nowMillis) {
		long oldest = nowMillis - this.settings.window().toMillis();
		List<ExtractionScore> scores = new ArrayList<>();
		this.windows.forEach((principal, window) -> {
			synchronized (window) {
				Entry last = window.entries.peekLast();
				boolean blocked = nowMillis < window.blockedUntil;
				if (blocked || (last != null && last.millis >= oldest)) {
					scores.add(new ExtractionScore(principal, window.lastScore,
							blocked ? ExtractionAction.BLOCK : window.lastAction, window.entries.size()));
				}
			}
		});
		scores.sort(Comparator.comparingDouble(ExtractionScore::score).reversed());
		return List.copyOf(scores.subList(0, Math.min(Math.max(limit, 0), scores.size())));
	}

	/**
	 * Add the output tokens of a principal's latest answer.
	 */
	public void recordOutput(String principal, long outputTokens) {
		Window window = this.windows.get(principal);
		if (window != null && outputTokens > 0) {
			synchronized (window) {
				Entry last = window.entries.peekLast();
				if (last != null) {
					last.outputTokens += outputTokens;
				}
			}
		}
	}

	/**
	 * Forget principals with no request in the window (call periodically).
	 */
	public void evictIdle(long nowMillis) {
		long oldest = nowMillis - this.settings.window().toMillis();
		this.windows.entrySet().removeIf((entry) -> {
			synchronized (entry.getValue()) {
				entry.getValue().evict(oldest);
				return entry.getValue().entries.isEmpty() && entry.getValue().blockedUntil < nowMillis;
			}
		});
	}

	private ExtractionAssessment assess(Window window, long nowMillis) {
		int count = window.entries.size();
		int templated = 0;
		int duplicates = 0;
		long tokens = 0;
		long first = nowMillis;
		for (Entry entry : window.entries) {
			templated += entry.templated ? 1 : 0;
			duplicates += entry.nearDuplicate ? 1 : 0;
			tokens += entry.outputTokens;
			first = Math.min(first, entry.millis);
		}
		double minutes = Math.max(1.0, (nowMillis - first) / 60_000.0);
		double rate = count / minutes;
		double templatedShare = templated / (double) count;
		double duplicateShare = duplicates / (double) count;
		double score = 0;
		if (count >= this.settings.minRequests()) {
			double rateScore = Math.min(1.0, rate / this.settings.suspiciousRequestsPerMinute());
			double tokenScore = Math.min(1.0, tokens / (double) this.settings.suspiciousOutputTokens());
			// Templated enumeration is the strongest sign; volume alone is the rate
			// limiter's job.
			score = 0.55 * templatedShare + 0.15 * duplicateShare + 0.15 * rateScore + 0.15 * tokenScore;
		}
		ExtractionAction action = ExtractionAction.NONE;
		if (score >= this.settings.blockThreshold()) {
			action = ExtractionAction.BLOCK;
		}
		else if (score >= this.settings.throttleThreshold()) {
			action = ExtractionAction.THROTTLE;
		}
		else if (score >= this.settings.alertThreshold()) {
			action = ExtractionAction.ALERT;
		}
		return new ExtractionAssessment(score, action, count, rate, templatedShare, duplicateShare, tokens);
	}

	/**
	 * Settings of the detector.
	 *
	 * @param window the sliding window
	 * @param maxEntries most requests kept per principal
	 * @param minRequests requests in the window before any score
	 * @param compareWith how many recent prompts a new one is compared with
	 * @param templateSimilarity share of equal token positions for "same template"
	 * @param nearDuplicateDistance most differing SimHash bits for "near duplicate"
	 * @param suspiciousRequestsPerMinute a rate that scores fully
	 * @param suspiciousOutputTokens output tokens in the window that score fully
	 * @param alertThreshold score for an alert
	 * @param throttleThreshold score for a throttle
	 * @param blockThreshold score for a block
	 * @param coolDown how long a block lasts
	 */
	public record Settings(Duration window, int maxEntries, int minRequests, int compareWith, double templateSimilarity,
			int nearDuplicateDistance, double suspiciousRequestsPerMinute, long suspiciousOutputTokens,
			double alertThreshold, double throttleThreshold, double blockThreshold, Duration coolDown) {

		/**
		 * Defaults: 10 minutes, 20 requests before scoring, thresholds 0.45 / 0.6 / 0.7.
		 */
		public static Settings defaults() {
			return new Settings(Duration.ofMinutes(10), 500, 20, 32, 0.6, 6, 30, 50_000, 0.45, 0.6, 0.7,
					Duration.ofMinutes(15));
		}

	}

	private static final class Entry {

		final long millis;

		final PromptShape shape;

		final boolean templated;

		final boolean nearDuplicate;

		long outputTokens;

		Entry(long millis, PromptShape shape, boolean templated, boolean nearDuplicate) {
			this.millis = millis;
			this.shape = shape;
			this.templated = templated;
			this.nearDuplicate = nearDuplicate;
		}

	}

	private static final class Window {

		final Deque<Entry> entries = new ArrayDeque<>();

		long blockedUntil;

		ExtractionAction lastAction = ExtractionAction.NONE;

		double lastScore;

		void evict(long oldest) {
			while (!this.entries.isEmpty() && this.entries.peekFirst().millis < oldest) {
				this.entries.removeFirst();
			}
		}

		void add(Entry entry, int max) {
			this.entries.addLast(entry);
			while (this.entries.size() > max) {
				this.entries.removeFirst();
			}
		}

	}

}
