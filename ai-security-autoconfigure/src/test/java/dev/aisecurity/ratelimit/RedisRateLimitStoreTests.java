package dev.aisecurity.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisRateLimitStoreTests {

	private static RedisClient client;

	private static RedisClient otherClient;

	@BeforeAll
	static void connect() {
		String uri = RedisTestSupport.redisUri();
		client = RedisClient.create(uri);
		otherClient = RedisClient.create(uri);
	}

	@AfterAll
	static void close() {
		if (client != null) {
			client.shutdown();
			otherClient.shutdown();
		}
	}

	private static String prefix() {
		return "ai-security-test:" + UUID.randomUUID() + ":";
	}

	@Test
	void fiftyThreadsGetExactlyTheQuotaInRedis() throws Exception {
		RedisRateLimitStore store = new RedisRateLimitStore(client, prefix(), Duration.ofSeconds(5));
		Limit limit = new Limit(Tier.REQUESTS_MINUTE, 7, Duration.ofMinutes(1));
		assertThat(RateLimitStoreTests.raceForPermits(store, "p:race", limit, 50)).isEqualTo(7);
	}

	@Test
	void twoStoresOnOneRedisShareTheQuota() {
		String prefix = prefix();
		RedisRateLimitStore first = new RedisRateLimitStore(client, prefix, Duration.ofSeconds(5));
		RedisRateLimitStore second = new RedisRateLimitStore(otherClient, prefix, Duration.ofSeconds(5));
		Limit limit = new Limit(Tier.REQUESTS_MINUTE, 4, Duration.ofMinutes(1));
		int allowed = 0;
		for (int i = 0; i < 10; i++) {
			RedisRateLimitStore store = (i % 2 == 0) ? first : second;
			if (store.tryConsume("p:shared", limit, 1).allowed()) {
				allowed++;
			}
		}
		assertThat(allowed).isEqualTo(4);
		LimitState refused = second.tryConsume("p:shared", limit, 1);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
	}

	@Test
	void debitCanOverdrawAndProbeSeesIt() {
		RedisRateLimitStore store = new RedisRateLimitStore(client, prefix(), Duration.ofSeconds(5));
		Limit tokens = new Limit(Tier.TOKENS_MINUTE, 100, Duration.ofMinutes(1));
		assertThat(store.probe("p:t", tokens).remaining()).isEqualTo(100);
		store.debit("p:t", tokens, 60);
		assertThat(store.probe("p:t", tokens).remaining()).isEqualTo(40);
		store.debit("p:t", tokens, 500);
		assertThat(store.probe("p:t", tokens).allowed()).isFalse();
	}

	@Test
	void redisKeysDoNotContainTheSubject() {
		String prefix = prefix();
		RedisRateLimitStore store = new RedisRateLimitStore(client, prefix, Duration.ofSeconds(5));
		store.tryConsume("ip:203.0.113.5:default", new Limit("requests-minute", 3, Duration.ofMinutes(1)), 1);
		try (var connection = client.connect()) {
			assertThat(connection.sync().keys(prefix + "*")).hasSize(1)
				.allSatisfy((key) -> assertThat(key).doesNotContain("203.0.113.5"));
		}
	}

	@Test
	void anUnreachableRedisFailsTheCall() {
		RedisClient dead = RedisClient.create("redis://127.0.0.1:1");
		try {
			// the store connects when it is created (start-up fails) or on use (the call
			// fails and the request is refused): never a silent pass
			org.assertj.core.api.Assertions.assertThatException()
				.isThrownBy(() -> new RedisRateLimitStore(dead, prefix(), Duration.ofMillis(500)).tryConsume("k",
						new Limit("x", 1, Duration.ofMinutes(1)), 1));
		}
		finally {
			dead.shutdown();
		}
	}

}
