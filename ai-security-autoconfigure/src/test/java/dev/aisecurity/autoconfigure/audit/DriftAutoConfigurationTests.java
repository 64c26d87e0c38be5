package dev.aisecurity.autoconfigure.audit;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.aisecurity.audit.AiAuditRecord;
import dev.aisecurity.audit.AiAuditSink;
import dev.aisecurity.audit.AuditOutcome;
import dev.aisecurity.audit.DriftAuditSink;
import dev.aisecurity.audit.DriftDetectedEvent;
import dev.aisecurity.audit.DriftSummaryReporter;
import dev.aisecurity.guard.drift.DriftDetector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift detection wired from the audit records: events, counter, gauges, properties.
 */
class DriftAutoConfigurationTests {

	private static final String ENDPOINT = "POST /api/chat";

	private static final String SECRET_MARKER = "canary-7f3a-prompt";

	private final List<DriftDetectedEvent> events = new CopyOnWriteArrayList<>();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DriftAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("driftListener", ApplicationListener.class,
					() -> (ApplicationListener<ApplicationEvent>) (event) -> {
						if (event instanceof PayloadApplicationEvent<?> payload
								&& payload.getPayload() instanceof DriftDetectedEvent drift) {
							this.events.add(drift);
						}
					});
	}

	private static AiAuditRecord record(int inputChars, AuditOutcome outcome) {
		return new AiAuditRecord(Instant.now(), "r", "alice", "api-key", null, ENDPOINT, "call", "m", outcome,
				inputChars, 800, 10, 20, 30, List.of(), List.of(), null, 150_000_000L, 20_000L, "h", "h2");
	}

	@Test
	void aJumpAfterWarmUpPublishesAnEventAndCountsIt() {
		runner().withPropertyValues("ai.security.drift.warm-up=20", "ai.security.drift.sigmas=4").run((context) -> {
			assertThat(context).hasSingleBean(DriftDetector.class).hasSingleBean(DriftSummaryReporter.class);
			assertThat(context.getBeansOfType(AiAuditSink.class).values())
				.hasAtLeastOneElementOfType(DriftAuditSink.class);
			assertThat(context.getBean(DriftDetector.class).settings().warmUp()).isEqualTo(20);
			AiAuditSink sink = context.getBean(DriftAuditSink.class);
			for (int i = 0; i < 100; i++) {
				sink.accept(record(300 + (i % 7) * 10, AuditOutcome.ALLOWED));
			}
			assertThat(this.events).isEmpty();
			sink.accept(record(50_000, AuditOutcome.ALLOWED));
			assertThat(this.events).singleElement().satisfies((event) -> {
				assertThat(event.endpoint()).isEqualTo(ENDPOINT);
				assertThat(event.metric()).isEqualTo("input-chars");
				assertThat(event.value()).isEqualTo(50_000);
				assertThat(event.mean()).isBetween(300.0, 370.0);
				assertThat(event.sigma()).isPositive();
				assertThat(event.toString()).doesNotContain(SECRET_MARKER);
			});
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(DriftAuditSink.DEVIATIONS)
				.tag("metric", "input-chars")
				.tag("endpoint", ENDPOINT)
				.counter()
				.count()).isEqualTo(1.0);

			context.getBean(DriftSummaryReporter.class).report();
			assertThat(registry.get(DriftSummaryReporter.MEAN)
				.tag("metric", "input-chars")
				.tag("endpoint", ENDPOINT)
				.gauge()
				.value()).isGreaterThan(300);
			assertThat(registry.get(DriftSummaryReporter.SIGMA).tag("metric", "latency-ms").gauge().value())
				.isGreaterThanOrEqualTo(0);
		});
	}

	@Test
	void defaultsMatchTheDocumentation() {
		runner().run((context) -> {
			DriftProperties properties = context.getBean(DriftProperties.class);
			assertThat(properties.getSigmas()).isEqualTo(4);
			assertThat(properties.getWarmUp()).isEqualTo(50);
			assertThat(properties.getSummaryInterval()).hasMinutes(15);
		});
	}

	@Test
	void canBeSwitchedOff() {
		runner().withPropertyValues("ai.security.drift.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DriftDetector.class)
				.doesNotHaveBean(DriftAuditSink.class));
		runner().withPropertyValues("ai.security.audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DriftAuditSink.class));
	}

}
