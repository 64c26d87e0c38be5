package dev.aisecurity.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

import dev.aisecurity.ratelimit.RateLimitDecision;
import dev.aisecurity.ratelimit.RedisRateLimitStore;
import dev.aisecurity.ratelimit.Resilience4jRateLimitStore;
import dev.aisecurity.ratelimit.Tier;
import dev.aisecurity.ratelimit.TieredRateLimiter;
import io.lettuce.core.RedisClient;

/**
 * {@link RateLimitBenchmark#tierDecision()} timed outside JMH, for machines where other
 * processes compete for the cores: the local decision by the CPU time of the measuring
 * thread (median of 20 batches), the Redis decision by wall-clock time per decision
 * (median and 90th percentile of single decisions; its cost is waiting for Redis, not
 * CPU). Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.aisecurity.benchmarks.jmh.RateLimitCpuTime [redis-uri]}.
 */
public final class RateLimitCpuTime {

	private static final int SUBJECTS = 1024;

	private RateLimitCpuTime() {
	}

	public static void main(String[] args) {
		Tier tier = new Tier("bench", Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
				1_000_000);
		String[] keys = new String[SUBJECTS];
		for (int i = 0; i < SUBJECTS; i++) {
			keys[i] = "p:bench-user-" + i + ":default";
		}
		TieredRateLimiter local = new TieredRateLimiter(new Resilience4jRateLimitStore(100_000));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int[] next = new int[1];
		LongSupplier decision = () -> {
			RateLimitDecision result = local.acquire(keys[next[0]++ & (SUBJECTS - 1)], tier);
			result.permit().run();
			return result.allowed() ? 1 : 0;
		};
		long[] batches = new long[20];
		for (int warm = 0; warm < 2_000_000; warm++) {
			decision.getAsLong();
		}
		int perBatch = 200_000;
		for (int b = 0; b < batches.length; b++) {
			long start = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < perBatch; i++) {
				decision.getAsLong();
			}
			batches[b] = threads.getCurrentThreadCpuTime() - start;
		}
		Arrays.sort(batches);
		System.out.printf("local tierDecision: %.2f us (CPU time, median of %d batches of %d; min %.2f, max %.2f)%n",
				batches[batches.length / 2] / 1000.0 / perBatch, batches.length, perBatch,
				batches[0] / 1000.0 / perBatch, batches[batches.length - 1] / 1000.0 / perBatch);
		if (args.length > 0) {
			redis(args[0], tier, keys);
		}
	}

	private static void redis(String uri, Tier tier, String[] keys) {
		RedisClient client = RedisClient.create(uri);
		try {
			TieredRateLimiter limiter = new TieredRateLimiter(new RedisRateLimitStore(client,
					"ai-security-bench:" + System.nanoTime() + ":", Duration.ofSeconds(2)));
			for (int i = 0; i < 5_000; i++) {
				limiter.acquire(keys[i & (SUBJECTS - 1)], tier).permit().run();
			}
			long[] times = new long[5_000];
			for (int i = 0; i < times.length; i++) {
				long start = System.nanoTime();
				limiter.acquire(keys[i & (SUBJECTS - 1)], tier).permit().run();
				times[i] = System.nanoTime() - start;
			}
			Arrays.sort(times);
			System.out.printf("redis tierDecision: median %.0f us, p90 %.0f us (wall clock, %d decisions)%n",
					times[times.length / 2] / 1000.0, times[times.length * 9 / 10] / 1000.0, times.length);
		}
		finally {
			client.shutdown();
		}
	}

}
