package dev.aisecurity.ratelimit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Admits requests against a {@link Tier}: takes one unit of every request quota, checks
 * that every token budget has something left, and holds a concurrency slot; later debits
 * the tokens the model reported. Quotas are counted per key, which combines the subject
 * (principal or client address) and the bucket (e.g. an endpoint group).
 * <p>
 * Quotas are checked one after the other: a request refused by the daily quota still used
 * a unit of the per-minute quota. That errs on the side of refusing.
 */
public final class TieredRateLimiter {

	private static final Runnable NO_PERMIT = () -> {
	};

	private final RateLimitStore store;

	private static final int MAX_SLOT_POOLS = 100_000;

	private final Map<String, Slots> inFlight = new ConcurrentHashMap<>();

	private final Map<Tier, TierLimits> limitsByTier = new ConcurrentHashMap<>();

	private volatile TierLimits lastLimits;

	/**
	 * Create a limiter.
	 * @param store where the counters live
	 */
	public TieredRateLimiter(RateLimitStore store) {
		this.store = store;
	}

	/**
	 * Admit one request.
	 * @param key subject and bucket
	 * @param tier the subject's tier
	 * @return the decision; when allowed, release its {@link RateLimitDecision#permit()}
	 * once the request has finished
	 */
	public RateLimitDecision acquire(String key, Tier tier) {
		TierLimits limits = limits(tier);
		Limit[] tokenLimits = limits.tokens;
		Limit[] requestLimits = limits.requests;
		LimitState[] states = new LimitState[tokenLimits.length + requestLimits.length];
		int checked = 0;
		for (Limit limit : tokenLimits) {
			LimitState state = this.store.probe(key, limit);
			states[checked++] = state;
			if (!state.allowed()) {
				return refused(RateLimitDecision.Reason.TOKENS, tier, states, checked, state);
			}
		}
		for (Limit limit : requestLimits) {
			LimitState state = this.store.tryConsume(key, limit, 1);
			states[checked++] = state;
			if (!state.allowed()) {
				return refused(RateLimitDecision.Reason.REQUESTS, tier, states, checked, state);
			}
		}
		Runnable permit = NO_PERMIT;
		if (tier.maxConcurrent() > 0) {
			// one slot pool per key, sized by the tier seen first
			Slots pool = this.inFlight.get(key);
			if (pool == null) {
				if (this.inFlight.size() >= MAX_SLOT_POOLS) {
					// forget idle pools; a racing request may briefly see a fresh pool
					this.inFlight.values().removeIf(Slots::idle);
				}
				pool = this.inFlight.computeIfAbsent(key,
						(k) -> new Slots(new Semaphore(tier.maxConcurrent()), tier.maxConcurrent()));
			}
			Semaphore semaphore = pool.semaphore();
			if (!semaphore.tryAcquire()) {
				return new RateLimitDecision(false, RateLimitDecision.Reason.CONCURRENCY, tier, List.of(states),
						tightest(states), NO_PERMIT);
			}
			permit = new SlotPermit(semaphore);
		}
		return new RateLimitDecision(true, null, tier, List.of(states), tightest(states), permit);
	}

	/**
	 * Debit the tokens a model call used against the tier's token budgets.
	 * @param key subject and bucket
	 * @param tier the subject's tier
	 * @param tokens the total tokens the model reported
	 */
	public void debitTokens(String key, Tier tier, long tokens) {
		if (tokens <= 0) {
			return;
		}
		for (Limit limit : limits(tier).tokens) {
			this.store.debit(key, limit, tokens);
		}
	}

	private record Slots(Semaphore semaphore, int max) {

		boolean idle() {
			return this.semaphore.availablePermits() >= this.max;
		}

	}

	private TierLimits limits(Tier tier) {
		// tiers are few and come from configuration, the same instance every time
		TierLimits limits = this.lastLimits;
		if (limits != null && limits.tier == tier) {
			return limits;
		}
		limits = this.limitsByTier.get(tier);
		if (limits == null) {
			limits = this.limitsByTier.computeIfAbsent(tier, TierLimits::new);
		}
		this.lastLimits = limits;
		return limits;
	}

	/**
	 * A tier's quotas as arrays, built once.
	 */
	private static final class TierLimits {

		final Tier tier;

		final Limit[] requests;

		final Limit[] tokens;

		TierLimits(Tier tier) {
			this.tier = tier;
			this.requests = tier.requestLimits().toArray(new Limit[0]);
			this.tokens = tier.tokenLimits().toArray(new Limit[0]);
		}

	}

	/**
	 * Releases one concurrency slot, once however often it is run.
	 */
	private static final class SlotPermit implements Runnable {

		private static final AtomicIntegerFieldUpdater<SlotPermit> RELEASED = AtomicIntegerFieldUpdater
			.newUpdater(SlotPermit.class, "released");

		private final Semaphore slots;

		private volatile int released;

		SlotPermit(Semaphore slots) {
			this.slots = slots;
		}

		@Override
		public void run() {
			if (RELEASED.compareAndSet(this, 0, 1)) {
				this.slots.release();
			}
		}

	}

	/**
	 * The store in use.
	 * @return the store
	 */
	public RateLimitStore store() {
		return this.store;
	}

	private static RateLimitDecision refused(RateLimitDecision.Reason reason, Tier tier, LimitState[] states,
			int checked, LimitState binding) {
		return new RateLimitDecision(false, reason, tier, List.of(Arrays.copyOf(states, checked)), binding, NO_PERMIT);
	}

	private static LimitState tightest(LimitState[] states) {
		LimitState tightest = null;
		for (LimitState state : states) {
			if (tightest == null
					|| state.remaining() * tightest.limit().quota() < tightest.remaining() * state.limit().quota()) {
				tightest = state;
			}
		}
		return tightest;
	}

}
