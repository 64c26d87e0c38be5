package dev.aisecurity.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random operations on the in-memory store and the tiered limiter, compared step by step
 * with a plain counting model of a fixed window (windows of a minute or more, so none
 * ends during a run). Limits and tiers are passed both as the same instances and as equal
 * copies, which the store's and the limiter's identity short cuts must treat alike.
 */
class RateLimitModelTests {

	private static final Duration HOUR = Duration.ofHours(1);

	@Test
	void storeMatchesACountingModel() {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1000);
			CountingStore model = new CountingStore();
			List<Limit> limits = List.of(new Limit("a", 1 + random.nextInt(20), HOUR),
					new Limit("b", 1 + random.nextInt(200), HOUR), new Limit("c", 1 + random.nextInt(5), HOUR),
					new Limit("a", 50, HOUR));
			for (int step = 0; step < 400; step++) {
				String key = "k" + random.nextInt(3);
				Limit limit = limits.get(random.nextInt(limits.size()));
				if (random.nextBoolean()) {
					// an equal copy, not the instance seen before
					limit = new Limit(limit.name(), limit.quota(), limit.window());
				}
				String at = "seed " + seed + " step " + step;
				switch (random.nextInt(3)) {
					case 0 -> {
						long amount = 1 + random.nextInt(8);
						assertSame(store.tryConsume(key, limit, amount), model.tryConsume(key, limit, amount), at);
					}
					case 1 -> assertSame(store.probe(key, limit), model.probe(key, limit), at);
					default -> {
						long amount = random.nextInt(4) - 1 + ((random.nextInt(4) == 0) ? random.nextInt(300) : 0);
						store.debit(key, limit, amount);
						model.debit(key, limit, amount);
					}
				}
			}
		}
	}

	@Test
	void tieredLimiterMatchesAModelOverTheSameStore() {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			TieredRateLimiter limiter = new TieredRateLimiter(new Resilience4jRateLimitStore(1000));
			CountingStore model = new CountingStore();
			List<Tier> tiers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				tiers.add(new Tier("t" + i, random.nextInt(12), random.nextInt(3) * random.nextInt(30),
						random.nextInt(3) * random.nextInt(200), random.nextInt(400), 0));
			}
			for (int step = 0; step < 300; step++) {
				String key = "p:" + random.nextInt(2);
				Tier tier = tiers.get(random.nextInt(tiers.size()));
				if (random.nextBoolean()) {
					tier = new Tier(tier.name(), tier.requestsPerMinute(), tier.requestsPerDay(),
							tier.tokensPerMinute(), tier.tokensPerDay(), tier.maxConcurrent());
				}
				String at = "seed " + seed + " step " + step;
				if (random.nextInt(3) == 0) {
					long tokens = random.nextInt(120);
					limiter.debitTokens(key, tier, tokens);
					if (tokens > 0) {
						for (Limit limit : tier.tokenLimits()) {
							model.debit(key, limit, tokens);
						}
					}
					continue;
				}
				RateLimitDecision decision = limiter.acquire(key, tier);
				Expected expected = model.acquire(key, tier);
				assertThat(decision.allowed()).as(at).isEqualTo(expected.allowed);
				assertThat(decision.reason()).as(at).isEqualTo(expected.reason);
				assertThat(decision.states()).as(at).hasSize(expected.states.size());
				for (int i = 0; i < expected.states.size(); i++) {
					assertSame(decision.states().get(i), expected.states.get(i), at + " state " + i);
				}
				decision.permit().run();
			}
		}
	}

	private static void assertSame(LimitState actual, LimitState expected, String at) {
		assertThat(actual.limit()).as(at).isEqualTo(expected.limit());
		assertThat(actual.allowed()).as(at).isEqualTo(expected.allowed());
		assertThat(actual.remaining()).as(at).isEqualTo(expected.remaining());
		long window = actual.limit().window().toNanos();
		assertThat(actual.resetNanos()).as(at).isBetween(1L, window);
		if (actual.allowed()) {
			assertThat(actual.retryAfterNanos()).as(at).isZero();
		}
		else {
			assertThat(actual.retryAfterNanos()).as(at).isBetween(actual.resetNanos(), window);
		}
	}

	private record Expected(boolean allowed, RateLimitDecision.Reason reason, List<LimitState> states) {
	}

	/**
	 * Units used per key and quota in a window that never ends.
	 */
	private static final class CountingStore {

		private final Map<String, Long> used = new HashMap<>();

		private long left(String key, Limit limit) {
			return limit.quota() - this.used.getOrDefault(id(key, limit), 0L);
		}

		private static String id(String key, Limit limit) {
			return key + "|" + limit;
		}

		LimitState tryConsume(String key, Limit limit, long amount) {
			boolean allowed = amount <= left(key, limit);
			if (allowed) {
				this.used.merge(id(key, limit), amount, Long::sum);
			}
			return new LimitState(limit, allowed, left(key, limit), 0, 0);
		}

		LimitState probe(String key, Limit limit) {
			long left = left(key, limit);
			return new LimitState(limit, left > 0, Math.max(0, left), 0, 0);
		}

		void debit(String key, Limit limit, long amount) {
			if (amount > 0) {
				this.used.merge(id(key, limit), Math.min(amount, left(key, limit)), Long::sum);
			}
		}

		Expected acquire(String key, Tier tier) {
			List<LimitState> states = new ArrayList<>();
			for (Limit limit : tier.tokenLimits()) {
				LimitState state = probe(key, limit);
				states.add(state);
				if (!state.allowed()) {
					return new Expected(false, RateLimitDecision.Reason.TOKENS, states);
				}
			}
			for (Limit limit : tier.requestLimits()) {
				LimitState state = tryConsume(key, limit, 1);
				states.add(state);
				if (!state.allowed()) {
					return new Expected(false, RateLimitDecision.Reason.REQUESTS, states);
				}
			}
			return new Expected(true, null, states);
		}

	}

}
