package dev.aisecurity.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

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

	private final Map<Tier, List<Limit>[]> limitsByTier = new ConcurrentHashMap<>();

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
		List<Limit>[] limits = limits(tier);
		List<Limit> requestLimits = limits[0];
		List<Limit> tokenLimits = limits[1];
		List<LimitState> states = new ArrayList<>(requestLimits.size() + tokenLimits.size());
		for (Limit limit : tokenLimits) {
			LimitState state = this.store.probe(key, limit);
			states.add(state);
			if (!state.allowed()) {
				return refused(RateLimitDecision.Reason.TOKENS, tier, states, state);
			}
		}
		for (Limit limit : requestLimits) {
			LimitState state = this.store.tryConsume(key, limit, 1);
			states.add(state);
			if (!state.allowed()) {
				return refused(RateLimitDecision.Reason.REQUESTS, tier, states, state);
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
				return new RateLimitDecision(false, RateLimitDecision.Reason.CONCURRENCY, tier, List.copyOf(states),
						tightest(states), NO_PERMIT);
			}
			AtomicBoolean released = new AtomicBoolean();
			Semaphore slots = semaphore;
			permit = () -> {
				if (released.compareAndSet(false, true)) {
					slots.release();
				}
			};
		}
		return new RateLimitDecision(true, null, tier, List.copyOf(states), tightest(states), permit);
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
		for (Limit limit : limits(tier)[1]) {
			this.store.debit(key, limit, tokens);
		}
	}

	private record Slots(Semaphore semaphore, int max) {

		boolean idle() {
			return this.semaphore.availablePermits() >= this.max;
		}

	}

	@SuppressWarnings("unchecked")
	private List<Limit>[] limits(Tier tier) {
		List<Limit>[] limits = this.limitsByTier.get(tier);
		if (limits == null) {
			limits = this.limitsByTier.computeIfAbsent(tier, (t) -> new List[] { t.requestLimits(), t.tokenLimits() });
		}
		return limits;
	}

	/**
	 * The store in use.
	 * @return the store
	 */
	public RateLimitStore store() {
		return this.store;
	}

	private static RateLimitDecision refused(RateLimitDecision.Reason reason, Tier tier, List<LimitState> states,
			LimitState binding) {
		return new RateLimitDecision(false, reason, tier, List.copyOf(states), binding, NO_PERMIT);
	}

	private static LimitState tightest(List<LimitState> states) {
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
