package dev.aisecurity.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.aisecurity.ai.MetricsVerdictListener;
import dev.aisecurity.audit.RateLimitMetrics;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardMode;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import dev.aisecurity.ratelimit.RateLimitEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's numbers come from the same meters and detector the application uses.
 */
class DashboardSnapshotTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T07:00:00Z"), ZoneOffset.UTC);

	@Test
	void findingsAreCountedByDetectorAndDecision() {
		MetricsVerdictListener metrics = new MetricsVerdictListener(this.registry);
		Finding email = Finding.span("pii", "pii", "PII_EMAIL_ADDRESS", 1.0, 0, 5, "<EMAIL_ADDRESS>");
		Finding phone = Finding.span("pii", "pii", "PII_PHONE_NUMBER", 1.0, 6, 9, "<PHONE_NUMBER>");
		Finding injection = Finding.of("prompt-injection", "prompt-injection", "INSTRUCTION_OVERRIDE", 0.9);
		metrics.onVerdict(context(Direction.OUTPUT),
				new Verdict(Decision.SANITIZE, "x", List.of(email, phone), List.of(), GuardMode.ENFORCE), 20, 1000);
		metrics.onVerdict(context(Direction.INPUT),
				new Verdict(Decision.BLOCK, null, List.of(injection), List.of(injection), GuardMode.ENFORCE), 20, 1000);
		new RateLimitMetrics(this.registry).onRateLimited(event("free"));
		new RateLimitMetrics(this.registry).onRateLimited(event("free"));

		Map<String, Object> snapshot = snapshot(null).take();

		assertThat(snapshot.get("detectors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly(Map.of("detector", "pii", "total", 2L, "allow", 0L, "sanitize", 2L, "block", 0L),
					Map.of("detector", "prompt-injection", "total", 1L, "allow", 0L, "sanitize", 0L, "block", 1L));
		assertThat(snapshot).containsEntry("verdicts", Map.of("block", 1L, "sanitize", 1L))
			.containsEntry("rateLimitRejections", Map.of("free", 2L))
			.containsEntry("generatedAt", "2026-11-26T07:00:00Z");
	}

	@Test
	void extractionScoresAreRoundedAndRanked() {
		ExtractionDetector detector = new ExtractionDetector(ExtractionDetector.Settings.defaults());
		long now = this.clock.millis();
		detector.observe("alice", "What are the opening hours?", now - 1000);
		Map<String, Object> snapshot = snapshot(detector).take();
		assertThat(snapshot.get("extractionScores")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly(Map.of("principal", "alice", "score", 0.0, "action", "NONE", "requests", 1));
	}

	private DashboardSnapshot snapshot(ExtractionDetector detector) {
		return new DashboardSnapshot(() -> this.registry, () -> detector, () -> null, 10, this.clock);
	}

	private static ScanContext context(Direction direction) {
		return (direction == Direction.INPUT) ? ScanContext.input() : ScanContext.output();
	}

	private static RateLimitEvent event(String tier) {
		return new RateLimitEvent(Instant.EPOCH, "subject", "endpoint", tier, "AI_RATE_LIMITED", "requests-minute", 30);
	}

}
