package dev.aisecurity.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * An in-memory {@link RateLimitStore} on Resilience4j's lock-free
 * {@link AtomicRateLimiter}: one limiter per key and quota, refreshing {@code quota}
 * permits every {@code window}, never waiting. Limits hold for this JVM only; use
 * {@link RedisRateLimitStore} for several instances. Idle limiters are evicted once the
 * map holds more than {@code maxKeys} entries.
 */
public final class Resilience4jRateLimitStore implements RateLimitStore {

	// key -> quota -> limiter: no string building per call
	private final Map<String, Map<Limit, Entry>> limiters = new ConcurrentHashMap<>();

	private final int maxKeys;

	/**
	 * Create a store.
	 * @param maxKeys how many counters to keep before idle ones are evicted
	 */
	public Resilience4jRateLimitStore(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	@Override
	public LimitState tryConsume(String key, Limit limit, long amount) {
		Entry entry = entry(key, limit);
		boolean allowed = amount <= entry.limiter.getRateLimiterConfig().getLimitForPeriod()
				&& entry.limiter.acquirePermission((int) amount);
		return state(entry, limit, allowed);
	}

	@Override
	public LimitState probe(String key, Limit limit) {
		Entry entry = entry(key, limit);
		return state(entry, limit, entry.limiter.getMetrics().getAvailablePermissions() > 0);
	}

	@Override
	public void debit(String key, Limit limit, long amount) {
		Entry entry = entry(key, limit);
		// Resilience4j cannot overdraw without waiting: take what is left, at most amount
		long left = amount;
		while (left > 0) {
			int available = entry.limiter.getMetrics().getAvailablePermissions();
			if (available <= 0) {
				return;
			}
			int take = (int) Math.min(left, available);
			if (entry.limiter.acquirePermission(take)) {
				left -= take;
			}
		}
	}

	/**
	 * The number of counters held.
	 * @return the count
	 */
	public int size() {
		int size = 0;
		for (Map<Limit, Entry> perKey : this.limiters.values()) {
			size += perKey.size();
		}
		return size;
	}

	private LimitState state(Entry entry, Limit limit, boolean allowed) {
		entry.lastUsed = System.nanoTime();
		AtomicRateLimiter.AtomicRateLimiterMetrics metrics = entry.limiter.getDetailedMetrics();
		long windowNanos = limit.window().toNanos();
		long elapsed = entry.lastUsed - entry.createdNanos;
		Duration reset = Duration.ofNanos(windowNanos - Math.floorMod(elapsed, windowNanos));
		Duration retryAfter = allowed ? Duration.ZERO : Duration.ofNanos(Math.max(metrics.getNanosToWait(), 1));
		if (!allowed && retryAfter.compareTo(reset) < 0) {
			retryAfter = reset;
		}
		return new LimitState(limit, allowed, Math.max(0, metrics.getAvailablePermissions()), reset, retryAfter);
	}

	private Entry entry(String key, Limit limit) {
		Map<Limit, Entry> perKey = this.limiters.get(key);
		if (perKey == null) {
			if (this.limiters.size() >= this.maxKeys) {
				evictIdle();
			}
			perKey = this.limiters.computeIfAbsent(key, (k) -> new ConcurrentHashMap<>(4));
		}
		Entry entry = perKey.get(limit);
		return (entry != null) ? entry : perKey.computeIfAbsent(limit, Entry::new);
	}

	private void evictIdle() {
		long now = System.nanoTime();
		for (Iterator<Map<Limit, Entry>> keys = this.limiters.values().iterator(); keys.hasNext();) {
			Map<Limit, Entry> perKey = keys.next();
			// a limiter idle for a whole window holds a full quota again: forgetting it
			// is
			// safe
			perKey.values().removeIf((entry) -> now - entry.lastUsed > entry.limit.window().toNanos());
			if (perKey.isEmpty()) {
				keys.remove();
			}
		}
	}

	private static final class Entry {

		final Limit limit;

		final AtomicRateLimiter limiter;

		final long createdNanos;

		volatile long lastUsed;

		Entry(Limit limit) {
			this.limit = limit;
			RateLimiterConfig config = RateLimiterConfig.custom()
				.limitForPeriod((int) Math.min(Integer.MAX_VALUE, limit.quota()))
				.limitRefreshPeriod(limit.window())
				.timeoutDuration(Duration.ZERO)
				.build();
			this.createdNanos = System.nanoTime();
			this.limiter = new AtomicRateLimiter(limit.name(), config);
			this.lastUsed = this.createdNanos;
		}

	}

}
