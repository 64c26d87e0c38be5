package dev.aisecurity.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

/**
 * A {@link RateLimitStore} in Redis, through Bucket4j's compare-and-swap protocol over
 * Lettuce: every instance that talks to the same Redis shares the same counters, and
 * races are resolved atomically in Redis. Each (key, quota) is one bucket refilled
 * "intervally" (all {@code quota} units at once when the window elapses), which is a
 * fixed window. Entries expire from Redis once they would be full again. Redis keys are
 * {@code <prefix><sha-256 of key and quota name>}, so client addresses and principal ids
 * do not appear in Redis.
 * <p>
 * Fails closed: when Redis cannot be reached the call throws, and the caller refuses the
 * request.
 */
public final class RedisRateLimitStore implements RateLimitStore {

	private final ProxyManager<byte[]> proxyManager;

	private final String prefix;

	private final Map<Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	/**
	 * Create a store.
	 * @param redisClient the Lettuce client; connections are made by Bucket4j
	 * @param prefix prefix for every Redis key, e.g. {@code ai-security:rl:}
	 * @param timeout how long one Redis operation may take before it fails
	 */
	public RedisRateLimitStore(RedisClient redisClient, String prefix, Duration timeout) {
		this.proxyManager = Bucket4jLettuce.casBasedBuilder(redisClient)
			.requestTimeout(timeout)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build();
		this.prefix = prefix;
	}

	@Override
	public LimitState tryConsume(String key, Limit limit, long amount) {
		ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(amount);
		Duration retryAfter = probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
		Duration reset = probe.isConsumed() ? Duration.ofNanos(probe.getNanosToWaitForReset()) : retryAfter;
		return new LimitState(limit, probe.isConsumed(), Math.max(0, probe.getRemainingTokens()), nonZero(reset, limit),
				retryAfter);
	}

	@Override
	public LimitState probe(String key, Limit limit) {
		EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
		Duration retryAfter = probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
		return new LimitState(limit, probe.canBeConsumed(), Math.max(0, probe.getRemainingTokens()),
				nonZero(retryAfter, limit), retryAfter);
	}

	@Override
	public void debit(String key, Limit limit, long amount) {
		if (amount > 0) {
			bucket(key, limit).consumeIgnoringRateLimits(amount);
		}
	}

	private static Duration nonZero(Duration reset, Limit limit) {
		return (reset.isZero() || reset.isNegative()) ? limit.window() : reset;
	}

	private BucketProxy bucket(String key, Limit limit) {
		BucketConfiguration configuration = this.configurations.computeIfAbsent(limit,
				(l) -> BucketConfiguration.builder()
					.addLimit(Bandwidth.builder()
						.capacity(l.quota())
						.refillIntervally(l.quota(), l.window())
						.initialTokens(l.quota())
						.build())
					.build());
		return this.proxyManager.getProxy(redisKey(key, limit), () -> configuration);
	}

	private byte[] redisKey(String key, Limit limit) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(key.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(limit.name().getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			// a changed quota or window starts a fresh bucket
			sha256.update((limit.quota() + "/" + limit.window().toMillis()).getBytes(StandardCharsets.UTF_8));
			byte[] digest = sha256.digest();
			return (this.prefix + HexFormat.of().formatHex(digest, 0, 20)).getBytes(StandardCharsets.UTF_8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
