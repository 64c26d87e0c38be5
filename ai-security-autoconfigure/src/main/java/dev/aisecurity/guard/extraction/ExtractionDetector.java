package dev.aisecurity.guard.extraction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 * or above the thresholds ask for an alert, a throttle or a block for a cool-down. The
 * windows live in an {@link ExtractionStore}: local to this instance by default, shared
 * (e.g. Redis) when instances must see a campaign spread over all of them; prompt shapes
 * are keyed hashes ({@link ShapeKey}), so only instances sharing the key can compare
 * them. Thread-safe.
 */
public final class ExtractionDetector {

	/** Most principals whose latest score {@link #highestScores} can report. */
	static final int MAX_REMEMBERED = 10_000;

	private final Settings settings;

	private final ExtractionStore store;

	private final ShapeKey shapeKey;

	private final ExtractionStore.Limits limits;

	/**
	 * The latest assessment of each principal seen by this instance, for
	 * {@link #highestScores}; bounded, and separate from the store so that reading it
	 * costs no store round trip.
	 */
	private final Map<String, Latest> latest = new ConcurrentHashMap<>();

	/**
	 * A detector with local state and a random shape key.
	 * @param settings the settings
	 */
	public ExtractionDetector(Settings settings) {
		this(settings, new LocalExtractionStore(), ShapeKey.random());
	}

	/**
	 * A detector over the given store.
	 * @param settings the settings
	 * @param store where the windows live
	 * @param shapeKey the key of prompt shapes (the same for every instance sharing the
	 * store)
	 */
	public ExtractionDetector(Settings settings, ExtractionStore store, ShapeKey shapeKey) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.store = Objects.requireNonNull(store, "store");
		this.shapeKey = Objects.requireNonNull(shapeKey, "shapeKey");
		this.limits = new ExtractionStore.Limits(settings.window().toMillis(), settings.maxEntries(),
				settings.compareWith(), settings.coolDown().toMillis());
	}

	/**
	 * Assess a new request of a principal and remember it.
	 * @param principal who
	 * @param prompt the user text (only its shape is kept)
	 * @param nowMillis the current time
	 * @return the assessment
	 */
	public ExtractionAssessment observe(String principal, String prompt, long nowMillis) {
		PromptShape shape = PromptShape.of((prompt != null) ? prompt : "", this.shapeKey);
		ExtractionStore.Loaded loaded = this.store.load(principal, nowMillis, this.limits);
		boolean templated = false;
		boolean nearDuplicate = false;
		for (PromptShape previous : loaded.recentShapes()) {
			templated |= shape.sameTemplateAs(previous, this.settings.templateSimilarity());
			nearDuplicate |= shape.nearDuplicateOf(previous, this.settings.nearDuplicateDistance());
		}
		ExtractionStore.WindowSummary window = this.store.record(principal,
				new ExtractionStore.Request(nowMillis, shape, templated, nearDuplicate), this.limits);
		ExtractionAssessment assessment = assess(window, nowMillis);
		long blockedUntil = (assessment.action() == ExtractionAction.BLOCK)
				? nowMillis + this.settings.coolDown().toMillis() : 0;
		ExtractionStore.State state = this.store.updateState(principal,
				new ExtractionStore.State(assessment.action(), assessment.score(), nowMillis, blockedUntil),
				this.limits);
		remember(principal, assessment, nowMillis, state.blockedUntil());
		if (assessment.action() != ExtractionAction.BLOCK && nowMillis < state.blockedUntil()) {
			return new ExtractionAssessment(assessment.score(), ExtractionAction.BLOCK, assessment.requests(),
					assessment.requestsPerMinute(), assessment.templatedShare(), assessment.nearDuplicateShare(),
					assessment.outputTokens());
		}
		return assessment;
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
		ExtractionStore.State state = this.store.state(principal);
		if (nowMillis < state.blockedUntil()) {
			return ExtractionAction.BLOCK;
		}
		if (state.millis() < nowMillis - this.limits.windowMillis()) {
			return ExtractionAction.NONE;
		}
		return state.action();
	}

	/**
	 * The principals with the highest latest scores as assessed by this instance, for
	 * dashboards: read-only, records nothing. Principals whose latest request has left
	 * the window are left out unless they are blocked.
	 * @param limit most principals returned
	 * @param nowMillis the current time
	 * @return the principals, highest score first
	 */
	public List<ExtractionScore> highestScores(int limit, long nowMillis) {
		long oldest = nowMillis - this.limits.windowMillis();
		List<ExtractionScore> scores = new ArrayList<>();
		this.latest.forEach((principal, entry) -> {
			boolean blocked = nowMillis < entry.blockedUntil();
			if (blocked || entry.millis() >= oldest) {
				scores.add(blocked ? new ExtractionScore(principal, entry.score().score(), ExtractionAction.BLOCK,
						entry.score().requests()) : entry.score());
			}
		});
		scores.sort(Comparator.comparingDouble(ExtractionScore::score).reversed());
		return List.copyOf(scores.subList(0, Math.min(Math.max(limit, 0), scores.size())));
	}

	private void remember(String principal, ExtractionAssessment assessment, long nowMillis, long blockedUntil) {
		if (this.latest.size() >= MAX_REMEMBERED && !this.latest.containsKey(principal)) {
			long oldest = nowMillis - this.limits.retentionMillis();
			this.latest.values().removeIf((entry) -> entry.millis() < oldest && entry.blockedUntil() < nowMillis);
			if (this.latest.size() >= MAX_REMEMBERED) {
				return;
			}
		}
		this.latest.put(principal,
				new Latest(
						new ExtractionScore(principal, assessment.score(), assessment.action(), assessment.requests()),
						nowMillis, blockedUntil));
	}

	/**
	 * Add the output tokens of a principal's latest answer.
	 * @param principal who
	 * @param outputTokens tokens of the answer
	 * @param nowMillis the current time
	 */
	public void recordOutput(String principal, long outputTokens, long nowMillis) {
		if (outputTokens > 0) {
			this.store.recordOutput(principal, outputTokens, nowMillis, this.limits);
		}
	}

	/**
	 * The store of the windows.
	 */
	public ExtractionStore store() {
		return this.store;
	}

	private ExtractionAssessment assess(ExtractionStore.WindowSummary window, long nowMillis) {
		int count = window.requests();
		int templated = window.templated();
		int duplicates = window.nearDuplicates();
		long tokens = window.outputTokens();
		long first = Math.min(nowMillis, window.firstMillis());
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

	private record Latest(ExtractionScore score, long millis, long blockedUntil) {

	}

}
