package dev.aisecurity.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.aisecurity.guard.TextHasher;
import dev.aisecurity.guard.extraction.ExtractionAction;
import dev.aisecurity.guard.extraction.ExtractionAssessment;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import dev.aisecurity.guard.extraction.ShapeKey;
import dev.aisecurity.ratelimit.RedisTestSupport;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction state in a real Redis (Testcontainers, else 127.0.0.1:6379, else skipped):
 * two detectors, as on two instances, each with its own client and store, see one
 * campaign spread over both; nothing readable reaches Redis and every key expires.
 */
class RedisExtractionStoreTests {

	private static final String HASH_KEY = "redis-extraction-test-hash-key-0001";

	private static final String[] CANARIES = { "zorbleflux", "quintessar", "marmaladine", "principal-canary-7731" };

	private final List<RedisExtractionStore> stores = new ArrayList<>();

	private RedisClient inspector;

	private StatefulRedisConnection<String, String> connection;

	private String prefix;

	@BeforeEach
	void connect() {
		this.inspector = RedisClient.create(RedisTestSupport.redisUri());
		this.connection = this.inspector.connect();
		this.prefix = "ai-security-test:ex:" + UUID.randomUUID() + ":";
	}

	@AfterEach
	void cleanUp() {
		if (this.connection != null) {
			List<String> keys = keys();
			if (!keys.isEmpty()) {
				this.connection.sync().del(keys.toArray(String[]::new));
			}
			this.connection.close();
		}
		this.stores.forEach(RedisExtractionStore::close);
		if (this.inspector != null) {
			this.inspector.shutdown();
		}
	}

	private ExtractionDetector instance(ExtractionDetector.Settings settings) {
		TextHasher hasher = TextHasher.withKey(HASH_KEY);
		RedisExtractionStore store = new RedisExtractionStore(RedisClient.create(RedisTestSupport.redisUri()), true,
				this.prefix, hasher, Duration.ofSeconds(2));
		this.stores.add(store);
		return new ExtractionDetector(settings, store, ShapeKey.of(hasher.mac("shape")));
	}

	private static String campaignPrompt(int i) {
		String[] slots = { "red", "blue", "green", "amber", "violet" };
		return "Give the category of product " + i + " with price " + (i * 3) + " and colour " + slots[i % 5] + ".";
	}

	@Test
	void campaignSpreadOverTwoInstancesIsDetected() {
		ExtractionDetector.Settings settings = ExtractionDetector.Settings.defaults();
		ExtractionDetector first = instance(settings);
		ExtractionDetector second = instance(settings);
		// the same traffic split over two instances with local state: each sees half, too
		// few to be scored (minRequests 20)
		ExtractionDetector localFirst = new ExtractionDetector(settings);
		ExtractionDetector localSecond = new ExtractionDetector(settings);
		String principal = "enumerator@example.com";
		long now = 1_800_000_000_000L;
		ExtractionAction sharedWorst = ExtractionAction.NONE;
		ExtractionAction localWorst = ExtractionAction.NONE;
		int firstBlock = -1;
		long sharedNanos = 0;
		for (int i = 0; i < 36; i++) {
			now += 1_500;
			boolean even = i % 2 == 0;
			long started = System.nanoTime();
			ExtractionAssessment shared = (even ? first : second).observe(principal, campaignPrompt(i), now);
			sharedNanos += System.nanoTime() - started;
			(even ? first : second).recordOutput(principal, 900, now);
			ExtractionAssessment local = (even ? localFirst : localSecond).observe(principal, campaignPrompt(i), now);
			(even ? localFirst : localSecond).recordOutput(principal, 900, now);
			if (shared.action().compareTo(sharedWorst) > 0) {
				sharedWorst = shared.action();
			}
			if (local.action().compareTo(localWorst) > 0) {
				localWorst = local.action();
			}
			if (shared.action() == ExtractionAction.BLOCK && firstBlock < 0) {
				firstBlock = i + 1;
			}
		}
		System.out.printf(Locale.ROOT,
				"Shared Redis state: worst %s (first block at request %d, %d us per observe); local: worst %s%n",
				sharedWorst, firstBlock, sharedNanos / 36_000, localWorst);
		assertThat(sharedWorst).isEqualTo(ExtractionAction.BLOCK);
		assertThat(localWorst).isEqualTo(ExtractionAction.NONE);
		// the block made on one instance holds on the other one
		assertThat(first.currentAction(principal, now + 1_000)).isEqualTo(ExtractionAction.BLOCK);
		assertThat(second.currentAction(principal, now + 1_000)).isEqualTo(ExtractionAction.BLOCK);
		assertThat(second.currentAction("someone-else", now)).isEqualTo(ExtractionAction.NONE);
	}

	@Test
	void normalUserSpreadOverTwoInstancesIsNotFlagged() {
		ExtractionDetector.Settings settings = ExtractionDetector.Settings.defaults();
		ExtractionDetector first = instance(settings);
		ExtractionDetector second = instance(settings);
		String[] words = ("account balance transfer card limit travel abroad fee interest loan mortgage rate savings "
				+ "pension tax refund dispute fraud password reset login statement branch opening hours cash deposit "
				+ "salary budget insurance claim address change currency exchange how what why when can should "
				+ "is my the a to for with about please explain help me tell compare difference between")
			.split(" ");
		java.util.Random random = new java.util.Random(42);
		long now = 1_800_000_000_000L;
		for (int i = 0; i < 40; i++) {
			now += 20_000 + random.nextInt(40_000);
			StringBuilder question = new StringBuilder();
			int length = 4 + random.nextInt(18);
			for (int w = 0; w < length; w++) {
				question.append(words[random.nextInt(words.length)]).append(' ');
			}
			ExtractionAssessment assessment = ((i % 2 == 0) ? first : second).observe("normal-user",
					question.toString(), now);
			assertThat(assessment.action()).isEqualTo(ExtractionAction.NONE);
		}
	}

	@Test
	void noPlaintextReachesRedisAndEveryKeyExpires() {
		ExtractionDetector detector = instance(ExtractionDetector.Settings.defaults());
		String principal = CANARIES[3];
		long now = System.currentTimeMillis();
		for (int i = 0; i < 25; i++) {
			detector.observe(principal, "Describe " + CANARIES[0] + " number " + i + " next to " + CANARIES[1] + " and "
					+ CANARIES[2].toUpperCase(Locale.ROOT), now + i);
			detector.recordOutput(principal, 120, now + i);
		}
		List<String> keys = keys();
		assertThat(keys).hasSizeGreaterThanOrEqualTo(4);
		RedisCommands<String, String> redis = this.connection.sync();
		StringBuilder everything = new StringBuilder();
		for (String key : keys) {
			everything.append(key).append('\n');
			assertThat(redis.pttl(key)).as("TTL of %s", key).isPositive();
			switch (redis.type(key)) {
				case "string" -> everything.append(redis.get(key));
				case "list" -> redis.lrange(key, 0, -1).forEach((v) -> everything.append(v).append('\n'));
				case "zset" -> redis.zrangeWithScores(key, 0, -1)
					.forEach((ScoredValue<String> v) -> everything.append(v.getValue()).append('\n'));
				default -> throw new AssertionError("unexpected type of " + key);
			}
			everything.append('\n');
		}
		String dump = everything.toString().toLowerCase(Locale.ROOT);
		// the assessment was stored (action|score|time|blocked-until)
		assertThat(dump).contains("|");
		// the stored word hashes are keyed: the unkeyed word hashes are not among them
		List<Integer> stored = new ArrayList<>();
		for (String key : keys) {
			if (key.endsWith(":s")) {
				for (String entry : redis.lrange(key, 0, -1)) {
					java.nio.ByteBuffer shape = java.nio.ByteBuffer
						.wrap(java.util.Base64.getDecoder().decode(entry.substring(entry.indexOf(':') + 1)));
					shape.getLong();
					while (shape.remaining() >= 4) {
						stored.add(shape.getInt());
					}
				}
			}
		}
		assertThat(stored).isNotEmpty();
		for (String word : new String[] { "describe", "number", "next", "to", "and", CANARIES[0], CANARIES[1] }) {
			long fnv = 0xcbf29ce484222325L;
			for (char c : word.toCharArray()) {
				fnv = (fnv ^ c) * 0x100000001b3L;
			}
			assertThat(stored).doesNotContain((int) fnv, (int) (fnv >>> 32));
		}
		for (String canary : CANARIES) {
			assertThat(dump).doesNotContain(canary.toLowerCase(Locale.ROOT));
			// nor the canary in Base64 (shapes are Base64-encoded)
			assertThat(everything.toString())
				.doesNotContain(java.util.Base64.getEncoder().withoutPadding().encodeToString(canary.getBytes()));
		}
		assertThat(dump).doesNotContain("describe").doesNotContain("number").doesNotContain("next");
	}

	private List<String> keys() {
		List<String> keys = new ArrayList<>();
		ScanCursor cursor = ScanCursor.INITIAL;
		do {
			KeyScanCursor<String> page = this.connection.sync()
				.scan(cursor, ScanArgs.Builder.matches(this.prefix + "*"));
			keys.addAll(page.getKeys());
			cursor = page;
		}
		while (!cursor.isFinished());
		return keys;
	}

}
