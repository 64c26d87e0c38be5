package dev.aisecurity.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitStoreTests {

	static int raceForPermits(RateLimitStore store, String key, Limit limit, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<Boolean> attempt = () -> {
					start.await();
					return store.tryConsume(key, limit, 1).allowed();
				};
				results.add(pool.submit(attempt));
			}
			start.countDown();
			int allowed = 0;
			for (Future<Boolean> result : results) {
				if (result.get(30, TimeUnit.SECONDS)) {
					allowed++;
				}
			}
			return allowed;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void fiftyThreadsGetExactlyTheQuotaLocally() throws Exception {
		Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1000);
		Limit limit = new Limit(Tier.REQUESTS_MINUTE, 7, Duration.ofMinutes(1));
		for (int round = 0; round < 5; round++) {
			assertThat(raceForPermits(store, "p:race-" + round, limit, 50)).isEqualTo(7);
		}
	}

	@Test
	void refusalReportsRetryAfterWithinTheWindow() {
		Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1000);
		Limit limit = new Limit(Tier.REQUESTS_MINUTE, 2, Duration.ofMinutes(1));
		LimitState first = store.tryConsume("k", limit, 1);
		assertThat(first.allowed()).isTrue();
		assertThat(first.remaining()).isEqualTo(1);
		assertThat(store.tryConsume("k", limit, 1).remaining()).isZero();
		LimitState refused = store.tryConsume("k", limit, 1);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
		assertThat(refused.resetSeconds()).isBetween(1L, 60L);
		assertThat(store.tryConsume("other", limit, 1).allowed()).as("keys are independent").isTrue();
	}

	@Test
	void windowRefillsAfterItElapses() throws Exception {
		Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1000);
		Limit limit = new Limit("short", 1, Duration.ofMillis(200));
		assertThat(store.tryConsume("k", limit, 1).allowed()).isTrue();
		assertThat(store.tryConsume("k", limit, 1).allowed()).isFalse();
		Thread.sleep(450);
		assertThat(store.tryConsume("k", limit, 1).allowed()).isTrue();
	}

	@Test
	void debitExhaustsTheBudgetAndProbeSeesIt() {
		Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1000);
		Limit tokens = new Limit(Tier.TOKENS_MINUTE, 100, Duration.ofMinutes(1));
		assertThat(store.probe("k", tokens).allowed()).isTrue();
		store.debit("k", tokens, 60);
		assertThat(store.probe("k", tokens).remaining()).isEqualTo(40);
		store.debit("k", tokens, 500);
		LimitState exhausted = store.probe("k", tokens);
		assertThat(exhausted.allowed()).isFalse();
		assertThat(exhausted.remaining()).isZero();
	}

	@Test
	void idleCountersAreEvictedWhenTheMapIsFull() throws Exception {
		Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(3);
		Limit limit = new Limit("short", 5, Duration.ofMillis(50));
		for (int i = 0; i < 3; i++) {
			store.tryConsume("k" + i, limit, 1);
		}
		Thread.sleep(120);
		store.tryConsume("k-new", limit, 1);
		assertThat(store.size()).isEqualTo(1);
	}

	@Test
	void countersUsedWithinTheirWindowAreKeptWhenTheMapIsFull() {
		Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1);
		Limit limit = new Limit("long", 1, Duration.ofMinutes(10));
		assertThat(store.tryConsume("k0", limit, 1).allowed()).isTrue();
		for (int i = 1; i <= 3; i++) {
			// each new key finds the map full and evicts what is idle
			store.tryConsume("k" + i, limit, 1);
			assertThat(store.tryConsume("k0", limit, 1).allowed()).as("k0's quota is still used").isFalse();
		}
		assertThat(store.size()).isEqualTo(4);
	}

	@Test
	void tieredLimiterRefusesOnTokensBeforeTakingARequest() {
		Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1000);
		TieredRateLimiter limiter = new TieredRateLimiter(store);
		Tier tier = new Tier("t", 10, 0, 100, 0, 0);
		String key = "p:" + UUID.randomUUID();
		RateLimitDecision first = limiter.acquire(key, tier);
		assertThat(first.allowed()).isTrue();
		assertThat(first.states()).extracting((s) -> s.limit().name())
			.containsExactly(Tier.TOKENS_MINUTE, Tier.REQUESTS_MINUTE);
		limiter.debitTokens(key, tier, 150);
		RateLimitDecision refused = limiter.acquire(key, tier);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.reason()).isEqualTo(RateLimitDecision.Reason.TOKENS);
		assertThat(store.probe(key, tier.requestLimits().get(0)).remaining()).as("request quota untouched")
			.isEqualTo(9);
	}

	@Test
	void concurrencySlotsAreHeldUntilReleased() {
		TieredRateLimiter limiter = new TieredRateLimiter(new Resilience4jRateLimitStore(1000));
		Tier tier = new Tier("t", 0, 0, 0, 0, 2);
		RateLimitDecision a = limiter.acquire("k", tier);
		RateLimitDecision b = limiter.acquire("k", tier);
		RateLimitDecision c = limiter.acquire("k", tier);
		assertThat(a.allowed()).isTrue();
		assertThat(b.allowed()).isTrue();
		assertThat(c.allowed()).isFalse();
		assertThat(c.reason()).isEqualTo(RateLimitDecision.Reason.CONCURRENCY);
		a.permit().run();
		a.permit().run();
		assertThat(limiter.acquire("k", tier).allowed()).isTrue();
		assertThat(limiter.acquire("k", tier).allowed()).as("double release must not add a slot").isFalse();
	}

	@Test
	void headersFollowTheIetfDraft() {
		TieredRateLimiter limiter = new TieredRateLimiter(new Resilience4jRateLimitStore(1000));
		Tier tier = new Tier("free", 1, 100, 0, 0, 0);
		RateLimitDecision allowed = limiter.acquire("h", tier);
		assertThat(RateLimitHeaders.of(allowed))
			.containsEntry(RateLimitHeaders.POLICY, "\"requests-minute\";q=1;w=60, \"requests-day\";q=100;w=86400")
			.doesNotContainKey(RateLimitHeaders.RETRY_AFTER);
		assertThat(RateLimitHeaders.of(allowed).get(RateLimitHeaders.STATE)).startsWith("\"requests-minute\";r=0;t=");
		RateLimitDecision refused = limiter.acquire("h", tier);
		assertThat(RateLimitHeaders.of(refused).get(RateLimitHeaders.STATE)).startsWith("\"requests-minute\";r=0;t=");
		long retryAfter = Long.parseLong(RateLimitHeaders.of(refused).get(RateLimitHeaders.RETRY_AFTER));
		assertThat(retryAfter).isBetween(1L, 60L);
	}

}
