package dev.aisecurity.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import dev.aisecurity.audit.ExtractionTierThrottle;
import dev.aisecurity.guard.extraction.ExtractionAction;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import dev.aisecurity.ratelimit.ClientAddressResolver;
import dev.aisecurity.ratelimit.RateLimitDecision;
import dev.aisecurity.ratelimit.RateLimitSubject;
import dev.aisecurity.ratelimit.Resilience4jRateLimitStore;
import dev.aisecurity.ratelimit.Tier;
import dev.aisecurity.ratelimit.TieredRateLimiter;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extraction guard's throttle action: a scripted enumerator on the {@code pro} tier
 * is demoted to the lowest tier once its score reaches the throttle threshold and gets
 * its 429 much sooner; a normal user on the same tier keeps its full quota.
 */
class ExtractionThrottleTests {

	private static final Map<String, Tier> TIERS = Map.of("anonymous", new Tier("anonymous", 10, 0, 0, 0, 0), "free",
			new Tier("free", 20, 0, 0, 0, 0), "pro", new Tier("pro", 120, 0, 0, 0, 0));

	private static final String[] WORDS = ("account balance transfer card limit travel abroad fee interest loan "
			+ "mortgage rate savings pension tax return invoice refund dispute fraud alert password reset login "
			+ "statement branch opening hours cash deposit overdraft salary budget plan insurance claim home "
			+ "phone address change email currency exchange fund dividend credit score payment schedule how "
			+ "what why when can could should my the a to for with about please explain help me tell compare")
		.split(" ");

	private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(ExtractionThrottleTests.this.now.get());
		}

	};

	private final ExtractionDetector detector = new ExtractionDetector(ExtractionDetector.Settings.defaults());

	private final TieredRateLimiter limiter = new TieredRateLimiter(new Resilience4jRateLimitStore(10_000));

	@AiGuarded
	void guarded() {
	}

	private static AiGuarded guardedAnnotation() throws NoSuchMethodException {
		return ExtractionThrottleTests.class.getDeclaredMethod("guarded").getAnnotation(AiGuarded.class);
	}

	private RateLimitSubjectResolver resolver(ExtractionAction maxAction, String throttleTier) {
		return new RateLimitSubjectResolver(TIERS, "free", "anonymous", new ClientAddressResolver(List.of()),
				new ExtractionTierThrottle(this.detector, maxAction, throttleTier, this.clock));
	}

	/**
	 * Sends requests the way the admission interceptor and the extraction advisor see
	 * them (admit, then assess), one every two seconds of detector time, and returns the
	 * first refusal.
	 */
	private RateLimitDecision firstRefusal(RateLimitSubjectResolver resolver, String principal,
			IntFunction<String> prompts) throws Exception {
		Authentication caller = new TestingAuthenticationToken(principal, "n/a", "TIER_pro");
		AiGuarded guarded = guardedAnnotation();
		for (int i = 0; i < 500; i++) {
			this.now.addAndGet(2_000);
			RateLimitSubject subject = resolver.resolve(caller, null, guarded);
			RateLimitDecision decision = this.limiter.acquire(subject.key(), subject.tier());
			if (!decision.allowed()) {
				this.allowedBefore = i;
				return decision;
			}
			decision.permit().run();
			this.detector.observe(principal, prompts.apply(i), this.now.get());
		}
		throw new AssertionError("never refused");
	}

	private static IntFunction<String> enumeration(Random random) {
		return (i) -> "Classify the sentiment of this review: the %s was %s and the %s felt %s.".formatted(
				WORDS[random.nextInt(WORDS.length)], i, WORDS[random.nextInt(WORDS.length)],
				WORDS[random.nextInt(WORDS.length)]);
	}

	private static IntFunction<String> normal(Random random) {
		return (i) -> {
			StringBuilder text = new StringBuilder();
			int length = 4 + random.nextInt(14);
			for (int w = 0; w < length; w++) {
				text.append((w > 0) ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
			}
			return text.append('?').toString();
		};
	}

	@Test
	void enumeratorIsThrottledToTheLowestTierAndRefusedSooner() throws Exception {
		RateLimitSubjectResolver resolver = resolver(ExtractionAction.THROTTLE, null);
		Random random = new Random(42);
		RateLimitDecision refusal = firstRefusal(resolver, "scraper", enumeration(random));
		assertThat(refusal.tier().name()).isEqualTo("free");
		assertThat(this.detector.currentAction("scraper", this.now.get()))
			.isGreaterThanOrEqualTo(ExtractionAction.THROTTLE);
		RateLimitDecision normal = firstRefusal(resolver, "alice", normal(random));
		assertThat(normal.tier().name()).isEqualTo("pro");
		assertThat(this.detector.currentAction("alice", this.now.get())).isEqualTo(ExtractionAction.NONE);
	}

	@Test
	void enumeratorGetsFewerRequestsThanANormalUserOfTheSameTier() throws Exception {
		RateLimitSubjectResolver resolver = resolver(ExtractionAction.THROTTLE, "free");
		Random random = new Random(7);
		int scraperAllowed = countAllowed(resolver, "scraper", enumeration(random));
		int normalAllowed = countAllowed(resolver, "bob", normal(random));
		System.out.printf("Extraction throttle: enumerator admitted %d requests (pro quota 120), normal user %d%n",
				scraperAllowed, normalAllowed);
		assertThat(normalAllowed).isEqualTo(120);
		assertThat(scraperAllowed).isLessThan(100);
	}

	@Test
	void alertOnlyDoesNotThrottle() throws Exception {
		RateLimitSubjectResolver resolver = resolver(ExtractionAction.ALERT, null);
		int allowed = countAllowed(resolver, "scraper", enumeration(new Random(3)));
		assertThat(allowed).isEqualTo(120);
		assertThat(this.detector.currentAction("scraper", this.now.get()))
			.isGreaterThanOrEqualTo(ExtractionAction.THROTTLE);
	}

	@Test
	void throttleEndsWhenTheWindowHasPassed() throws Exception {
		RateLimitSubjectResolver resolver = resolver(ExtractionAction.THROTTLE, null);
		firstRefusal(resolver, "scraper", enumeration(new Random(5)));
		this.now.addAndGet(ExtractionDetector.Settings.defaults().window().toMillis() + 1);
		RateLimitSubject subject = resolver.resolve(new TestingAuthenticationToken("scraper", "n/a", "TIER_pro"), null,
				guardedAnnotation());
		assertThat(subject.tier().name()).isEqualTo("pro");
	}

	@Test
	void unknownThrottleTierFailsFast() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> resolver(ExtractionAction.THROTTLE, "gold"))
			.withMessageContaining("gold");
	}

	private int countAllowed(RateLimitSubjectResolver resolver, String principal, IntFunction<String> prompts)
			throws Exception {
		RateLimitDecision refusal = firstRefusal(resolver, principal, prompts);
		assertThat(refusal.allowed()).isFalse();
		return this.allowedBefore;
	}

	private int allowedBefore;

}
