package dev.aisecurity.ratelimit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Arrays;
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

	// key -> its limiters: no string building per call, and a tier's few limits are
	// found by a scan instead of hashing a Limit record per call
	private final Map<String, Counters> limiters = new ConcurrentHashMap<>();

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
		boolean allowed = amount <= entry.quota && entry.limiter.acquirePermission((int) amount);
		return state(entry, allowed);
	}

	@Override
	public LimitState probe(String key, Limit limit) {
		Entry entry = entry(key, limit);
		int available = entry.limiter.getMetrics().getAvailablePermissions();
		return state(entry, available > 0, available);
	}

	@Override
	public void debit(String key, Limit limit, long amount) {
		Entry entry = entry(key, limit);
		// the usual case, a budget with room for the whole amount, in one step
		if (amount <= 0 || (amount <= entry.quota && entry.limiter.acquirePermission((int) amount))) {
			return;
		}
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
		for (Counters counters : this.limiters.values()) {
			size += counters.entries.length;
		}
		return size;
	}

	private LimitState state(Entry entry, boolean allowed) {
		return state(entry, allowed, entry.limiter.getMetrics().getAvailablePermissions());
	}

	private LimitState state(Entry entry, boolean allowed, int available) {
		long now = System.nanoTime();
		entry.touch(now);
		long windowNanos = entry.windowNanos;
		long reset = windowNanos - Math.floorMod(now - entry.createdNanos, windowNanos);
		long retryAfter = 0;
		if (!allowed) {
			// never sooner than the window's end: the refused units come back with it
			retryAfter = Math.max(Math.max(entry.limiter.getDetailedMetrics().getNanosToWait(), 1), reset);
		}
		return new LimitState(entry.limit, allowed, Math.max(0, available), reset, retryAfter);
	}

	private Entry entry(String key, Limit limit) {
		Counters counters = this.limiters.get(key);
		if (counters == null) {
			if (this.limiters.size() >= this.maxKeys) {
				evictIdle();
			}
			counters = this.limiters.computeIfAbsent(key, (k) -> new Counters());
		}
		Entry entry = counters.find(limit);
		return (entry != null) ? entry : counters.add(limit);
	}

	private void evictIdle() {
		long now = System.nanoTime();
		for (Iterator<Counters> keys = this.limiters.values().iterator(); keys.hasNext();) {
			// a limiter idle for a whole window holds a full quota again: forgetting it
			// is safe
			if (keys.next().removeIdle(now)) {
				keys.remove();
			}
		}
	}

	/**
	 * The limiters of one key: a tier has at most four, so an array scanned by identity
	 * first (the limiter passes the same {@link Limit} instances every time), copied on
	 * the rare write.
	 */
	private static final class Counters {

		private static final Entry[] NONE = {};

		volatile Entry[] entries = NONE;

		Entry find(Limit limit) {
			Entry[] entries = this.entries;
			for (Entry entry : entries) {
				if (entry.limit == limit) {
					return entry;
				}
			}
			for (Entry entry : entries) {
				if (entry.limit.equals(limit)) {
					return entry;
				}
			}
			return null;
		}

		synchronized Entry add(Limit limit) {
			Entry entry = find(limit);
			if (entry == null) {
				entry = new Entry(limit);
				Entry[] entries = Arrays.copyOf(this.entries, this.entries.length + 1);
				entries[entries.length - 1] = entry;
				this.entries = entries;
			}
			return entry;
		}

		/**
		 * Forget the limiters idle for a whole window.
		 * @param now the time
		 * @return whether none is left
		 */
		synchronized boolean removeIdle(long now) {
			Entry[] entries = this.entries;
			int kept = 0;
			Entry[] keep = new Entry[entries.length];
			for (Entry entry : entries) {
				if (!entry.idle(now)) {
					keep[kept++] = entry;
				}
			}
			this.entries = (kept == 0) ? NONE : Arrays.copyOf(keep, kept);
			return kept == 0;
		}

	}

	private static final class Entry {

		private static final VarHandle LAST_USED;

		static {
			try {
				LAST_USED = MethodHandles.lookup().findVarHandle(Entry.class, "lastUsed", long.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		final Limit limit;

		final int quota;

		final long windowNanos;

		final AtomicRateLimiter limiter;

		final long createdNanos;

		final long touchNanos;

		// read only by eviction, which needs no fence: written opaquely, and only when
		// it is a sixteenth of the window old. Rewriting it on every check made every
		// request thread invalidate the cache line the others read, a cost on the key
		// that many connections share
		@SuppressWarnings("unused")
		private long lastUsed;

		Entry(Limit limit) {
			this.limit = limit;
			this.quota = (int) Math.min(Integer.MAX_VALUE, limit.quota());
			this.windowNanos = limit.window().toNanos();
			this.touchNanos = this.windowNanos / 16;
			RateLimiterConfig config = RateLimiterConfig.custom()
				.limitForPeriod(this.quota)
				.limitRefreshPeriod(limit.window())
				.timeoutDuration(Duration.ZERO)
				.build();
			this.createdNanos = System.nanoTime();
			this.limiter = new AtomicRateLimiter(limit.name(), config);
			LAST_USED.setOpaque(this, this.createdNanos);
		}

		void touch(long now) {
			if (now - lastUsed() >= this.touchNanos) {
				LAST_USED.setOpaque(this, now);
			}
		}

		/**
		 * Whether the limiter went unused for a whole window, and so holds a full quota
		 * again. The time of use may be late by up to a sixteenth of the window: that
		 * much more is waited for.
		 * @param now the time
		 * @return true when idle
		 */
		boolean idle(long now) {
			return now - lastUsed() - this.touchNanos > this.windowNanos;
		}

		private long lastUsed() {
			return (long) LAST_USED.getOpaque(this);
		}

	}

}
