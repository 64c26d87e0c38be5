package dev.aisecurity.autoconfigure.audit;

import java.time.Duration;

import dev.aisecurity.guard.extraction.ExtractionAction;
import dev.aisecurity.guard.extraction.ExtractionDetector;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the model-extraction detector.
 */
@ConfigurationProperties("ai.security.extraction")
public class ModelExtractionProperties {

	/**
	 * Whether ChatClient requests are assessed for model extraction (per principal).
	 */
	private boolean enabled = true;

	/**
	 * The strongest action taken: ALERT (event, audit event and metric only), THROTTLE
	 * (also rate-limit the principal as the throttle tier while its score is at or above
	 * the throttle threshold) or BLOCK (also refuse the principal for the cool-down).
	 */
	private ExtractionAction action = ExtractionAction.BLOCK;

	/**
	 * The sliding window of requests per principal.
	 */
	private Duration window = Duration.ofMinutes(10);

	/**
	 * Requests in the window before a principal is scored.
	 */
	private int minRequests = 20;

	/**
	 * Score (0 to 1) from which an alert is raised.
	 */
	private double alertThreshold = 0.45;

	/**
	 * Score from which the principal is rate-limited as the throttle tier.
	 */
	private double throttleThreshold = 0.6;

	/**
	 * Score from which the principal is blocked for the cool-down.
	 */
	private double blockThreshold = 0.7;

	/**
	 * How long a block lasts.
	 */
	private Duration coolDown = Duration.ofMinutes(15);

	/**
	 * The rate-limit tier a throttled principal is limited as. Empty: the lowest
	 * configured tier (fewest requests per minute) other than the anonymous tier, e.g.
	 * {@code free}.
	 */
	private String throttleTier;

	/**
	 * Where the per-principal windows are kept: LOCAL (in memory, per instance) or REDIS
	 * (shared by every instance using the same Redis; needs io.lettuce:lettuce-core and
	 * ai.security.hash-key, the same on every instance).
	 */
	private Store store = Store.LOCAL;

	/**
	 * The Redis store.
	 */
	private final Redis redis = new Redis();

	ExtractionDetector.Settings toSettings() {
		ExtractionDetector.Settings d = ExtractionDetector.Settings.defaults();
		return new ExtractionDetector.Settings(this.window, d.maxEntries(), this.minRequests, d.compareWith(),
				d.templateSimilarity(), d.nearDuplicateDistance(), d.suspiciousRequestsPerMinute(),
				d.suspiciousOutputTokens(), this.alertThreshold, this.throttleThreshold, this.blockThreshold,
				this.coolDown);
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ExtractionAction getAction() {
		return this.action;
	}

	public void setAction(ExtractionAction action) {
		this.action = action;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public int getMinRequests() {
		return this.minRequests;
	}

	public void setMinRequests(int minRequests) {
		this.minRequests = minRequests;
	}

	public double getAlertThreshold() {
		return this.alertThreshold;
	}

	public void setAlertThreshold(double alertThreshold) {
		this.alertThreshold = alertThreshold;
	}

	public double getThrottleThreshold() {
		return this.throttleThreshold;
	}

	public void setThrottleThreshold(double throttleThreshold) {
		this.throttleThreshold = throttleThreshold;
	}

	public double getBlockThreshold() {
		return this.blockThreshold;
	}

	public void setBlockThreshold(double blockThreshold) {
		this.blockThreshold = blockThreshold;
	}

	public String getThrottleTier() {
		return this.throttleTier;
	}

	public void setThrottleTier(String throttleTier) {
		this.throttleTier = throttleTier;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Duration getCoolDown() {
		return this.coolDown;
	}

	public void setCoolDown(Duration coolDown) {
		this.coolDown = coolDown;
	}

	/**
	 * Where the windows are kept.
	 */
	public enum Store {

		/** In memory, per instance. */
		LOCAL,

		/** In Redis, shared by the instances. */
		REDIS

	}

	/**
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Redis URI.
		 */
		private String uri = "redis://127.0.0.1:6379";

		/**
		 * Prefix of every key in Redis (principals appear only as keyed hashes after it).
		 */
		private String keyPrefix = "ai-security:ex:";

		/**
		 * Timeout of one Redis operation; on failure the request is refused.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public String getUri() {
			return this.uri;
		}

		public void setUri(String uri) {
			this.uri = uri;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
