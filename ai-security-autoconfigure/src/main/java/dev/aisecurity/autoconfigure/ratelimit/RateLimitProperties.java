package dev.aisecurity.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits and token budgets of {@code @AiGuarded} endpoints, per tier.
 */
@ConfigurationProperties("ai.security.rate-limit")
public class RateLimitProperties {

	/**
	 * Whether {@code @AiGuarded} endpoints are rate limited.
	 */
	private boolean enabled = true;

	/**
	 * Where counters live: {@code local} (Resilience4j, this instance only) or
	 * {@code redis} (Bucket4j over Lettuce, shared by every instance).
	 */
	private Store store = Store.LOCAL;

	/**
	 * The tier of authenticated callers whose API key or authorities name none.
	 */
	private String defaultTier = "free";

	/**
	 * The tier of anonymous callers (endpoints with {@code allowAnonymous = true}), keyed
	 * by client address.
	 */
	private String anonymousTier = "anonymous";

	/**
	 * Tiers by name. The built-in tiers {@code anonymous}, {@code free}, {@code pro} and
	 * {@code enterprise} are added unless configured here; a configured tier replaces the
	 * built-in one as a whole. Zero or less means "no limit" for a quota.
	 */
	private Map<String, Tier> tiers = new LinkedHashMap<>();

	/**
	 * Addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} header is
	 * trusted for the client address. Empty: the header is ignored.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	/**
	 * Maximum number of local counters before idle ones are evicted.
	 */
	private int maxLocalKeys = 100_000;

	/**
	 * The Redis store.
	 */
	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public String getDefaultTier() {
		return this.defaultTier;
	}

	public void setDefaultTier(String defaultTier) {
		this.defaultTier = defaultTier;
	}

	public String getAnonymousTier() {
		return this.anonymousTier;
	}

	public void setAnonymousTier(String anonymousTier) {
		this.anonymousTier = anonymousTier;
	}

	public Map<String, Tier> getTiers() {
		return this.tiers;
	}

	public void setTiers(Map<String, Tier> tiers) {
		this.tiers = tiers;
	}

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public int getMaxLocalKeys() {
		return this.maxLocalKeys;
	}

	public void setMaxLocalKeys(int maxLocalKeys) {
		this.maxLocalKeys = maxLocalKeys;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Counter stores.
	 */
	public enum Store {

		/** In memory, on Resilience4j. */
		LOCAL,

		/** In Redis, on Bucket4j and Lettuce. */
		REDIS

	}

	/**
	 * One tier's quotas. Defaults are those of the built-in {@code free} tier.
	 */
	public static class Tier {

		/**
		 * Requests per minute.
		 */
		private long requestsPerMinute = 20;

		/**
		 * Requests per day.
		 */
		private long requestsPerDay = 1_000;

		/**
		 * Model tokens (prompt plus completion) per minute.
		 */
		private long tokensPerMinute = 20_000;

		/**
		 * Model tokens per day.
		 */
		private long tokensPerDay = 200_000;

		/**
		 * Requests in flight at once, per instance.
		 */
		private int maxConcurrent = 4;

		public Tier() {
		}

		Tier(long requestsPerMinute, long requestsPerDay, long tokensPerMinute, long tokensPerDay, int maxConcurrent) {
			this.requestsPerMinute = requestsPerMinute;
			this.requestsPerDay = requestsPerDay;
			this.tokensPerMinute = tokensPerMinute;
			this.tokensPerDay = tokensPerDay;
			this.maxConcurrent = maxConcurrent;
		}

		public long getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		public void setRequestsPerMinute(long requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		public long getRequestsPerDay() {
			return this.requestsPerDay;
		}

		public void setRequestsPerDay(long requestsPerDay) {
			this.requestsPerDay = requestsPerDay;
		}

		public long getTokensPerMinute() {
			return this.tokensPerMinute;
		}

		public void setTokensPerMinute(long tokensPerMinute) {
			this.tokensPerMinute = tokensPerMinute;
		}

		public long getTokensPerDay() {
			return this.tokensPerDay;
		}

		public void setTokensPerDay(long tokensPerDay) {
			this.tokensPerDay = tokensPerDay;
		}

		public int getMaxConcurrent() {
			return this.maxConcurrent;
		}

		public void setMaxConcurrent(int maxConcurrent) {
			this.maxConcurrent = maxConcurrent;
		}

	}

	/**
	 * Redis connection for {@code store=redis}.
	 */
	public static class Redis {

		/**
		 * Redis URI, used when no {@code io.lettuce.core.RedisClient} bean is defined.
		 */
		private String uri = "redis://127.0.0.1:6379";

		/**
		 * Prefix of every counter key in Redis.
		 */
		private String keyPrefix = "ai-security:rl:";

		/**
		 * Timeout of one Redis operation; on timeout the request is refused (503).
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

	/**
	 * The effective tiers: the configured ones plus the built-in defaults not configured.
	 * @return tiers by name
	 */
	public Map<String, dev.aisecurity.ratelimit.Tier> effectiveTiers() {
		Map<String, Tier> all = new LinkedHashMap<>();
		all.put("anonymous", new Tier(10, 200, 5_000, 50_000, 2));
		all.put("free", new Tier(20, 1_000, 20_000, 200_000, 4));
		all.put("pro", new Tier(120, 20_000, 200_000, 5_000_000, 16));
		all.put("enterprise", new Tier(600, 200_000, 1_000_000, 50_000_000, 64));
		all.putAll(this.tiers);
		Map<String, dev.aisecurity.ratelimit.Tier> tiers = new LinkedHashMap<>();
		all.forEach((name, tier) -> tiers.put(name, new dev.aisecurity.ratelimit.Tier(name, tier.getRequestsPerMinute(),
				tier.getRequestsPerDay(), tier.getTokensPerMinute(), tier.getTokensPerDay(), tier.getMaxConcurrent())));
		return tiers;
	}

}
