package dev.aisecurity.benchmarks.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.ratelimit.Limit;
import dev.aisecurity.ratelimit.RateLimitDecision;
import dev.aisecurity.ratelimit.RedisRateLimitStore;
import dev.aisecurity.ratelimit.Resilience4jRateLimitStore;
import dev.aisecurity.ratelimit.Tier;
import dev.aisecurity.ratelimit.TieredRateLimiter;
import io.lettuce.core.RedisClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One rate-limit decision of an {@code @AiGuarded} request: the full tier check
 * ({@link TieredRateLimiter#acquire}: two token-budget probes, two request quotas, a
 * concurrency slot and its release) over 1,024 subjects, with quotas high enough that
 * every request is admitted. {@code local} is the Resilience4j store; {@code redis} is
 * the Bucket4j/Lettuce store against the Redis at {@code -Dredis.uri} (default
 * {@code redis://127.0.0.1:6379}), four round trips per decision. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar RateLimitBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RateLimitBenchmark {

	private static final int SUBJECTS = 1024;

	private static final String ONE_KEY = "p:bench-one:default";

	@Param({ "local", "redis" })
	public String store;

	private final Tier tier = new Tier("bench", Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
			Integer.MAX_VALUE, 1_000_000);

	private final Limit single = new Limit(Tier.REQUESTS_MINUTE, Integer.MAX_VALUE, Duration.ofMinutes(1));

	private final String[] keys = new String[SUBJECTS];

	private TieredRateLimiter limiter;

	private RedisClient redis;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		for (int i = 0; i < SUBJECTS; i++) {
			this.keys[i] = "p:bench-user-" + i + ":default";
		}
		if ("redis".equals(this.store)) {
			this.redis = RedisClient.create(System.getProperty("redis.uri", "redis://127.0.0.1:6379"));
			this.limiter = new TieredRateLimiter(new RedisRateLimitStore(this.redis,
					"ai-security-bench:" + System.nanoTime() + ":", Duration.ofSeconds(2)));
		}
		else {
			this.limiter = new TieredRateLimiter(new Resilience4jRateLimitStore(100_000));
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.redis != null) {
			this.redis.shutdown();
		}
	}

	@Benchmark
	public boolean tierDecision() {
		String key = this.keys[this.next++ & (SUBJECTS - 1)];
		RateLimitDecision decision = this.limiter.acquire(key, this.tier);
		decision.permit().run();
		return decision.allowed();
	}

	/**
	 * What an admitted request of the sample's load test does, four threads on one key
	 * (one API key on every connection): the decision, a token debit and the release.
	 * @return whether admitted
	 */
	@Benchmark
	@Threads(4)
	public boolean oneKeyRequest() {
		RateLimitDecision decision = this.limiter.acquire(ONE_KEY, this.tier);
		// one token: the per-minute budgets must outlast the run
		this.limiter.debitTokens(ONE_KEY, this.tier, 1);
		decision.permit().run();
		return decision.allowed();
	}

	@Benchmark
	public boolean singleQuota() {
		String key = this.keys[this.next++ & (SUBJECTS - 1)];
		return this.limiter.store().tryConsume(key, this.single, 1).allowed();
	}

}
