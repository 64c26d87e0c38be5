package dev.aisecurity.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.ratelimit.RateLimitEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventBridgeTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void refusalsBecomeAuditEventsWithMetadataOnly() {
		List<AuditEvent> audited = publish(new AiGuardedDecisionEvent(NOW, "alice", "ChatController#chat", false,
				SecurityProblemCodes.MFA_REQUIRED, List.of("FACTOR_TOTP")));
		assertThat(audited).singleElement().satisfies((event) -> {
			assertThat(event.getType()).isEqualTo(AiGuardedDecisionEvent.AUDIT_TYPE);
			assertThat(event.getPrincipal()).isEqualTo("alice");
			assertThat(event.getTimestamp()).isEqualTo(NOW);
			assertThat(event.getData()).containsEntry("endpoint", "ChatController#chat")
				.containsEntry("code", SecurityProblemCodes.MFA_REQUIRED)
				.containsEntry("missingFactors", List.of("FACTOR_TOTP"));
		});
	}

	@Test
	void grantsAreNotAudited() {
		assertThat(publish(new AiGuardedDecisionEvent(NOW, "alice", "ChatController#chat", true, null, List.of())))
			.isEmpty();
	}

	@Test
	void rateLimitRefusalsBecomeAuditEvents() {
		List<AuditEvent> audited = publish(new RateLimitEvent(NOW, "alice", "ChatController#chat", "free",
				"AI_RATE_LIMITED", "requests-minute", 7));
		assertThat(audited).singleElement().satisfies((event) -> {
			assertThat(event.getType()).isEqualTo(RateLimitEvent.AUDIT_TYPE);
			assertThat(event.getData()).containsEntry("tier", "free")
				.containsEntry("limit", "requests-minute")
				.containsEntry("retryAfterSeconds", 7L);
		});
	}

	@Test
	void otherEventsAreIgnored() {
		assertThat(publish("not a security event")).isEmpty();
	}

	private static List<AuditEvent> publish(Object event) {
		AuditRecorder recorder = new AuditRecorder();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(AuditEventBridge.class, () -> new AuditEventBridge(context));
			context.registerBean(AuditRecorder.class, () -> recorder);
			context.refresh();
			context.publishEvent(event);
		}
		return recorder.audited;
	}

	static final class AuditRecorder implements ApplicationListener<AuditApplicationEvent> {

		final List<AuditEvent> audited = new ArrayList<>();

		@Override
		public void onApplicationEvent(AuditApplicationEvent event) {
			this.audited.add(event.getAuditEvent());
		}

	}

}
