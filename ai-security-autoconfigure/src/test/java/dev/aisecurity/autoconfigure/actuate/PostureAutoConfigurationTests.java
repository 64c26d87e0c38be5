package dev.aisecurity.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import dev.aisecurity.actuate.KillSwitch;
import dev.aisecurity.actuate.PostureControl;
import dev.aisecurity.actuate.PostureControl.Status;
import dev.aisecurity.actuate.PostureEvaluator;
import dev.aisecurity.actuate.PostureReport;
import dev.aisecurity.actuate.PostureStartupReporter;
import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posture follows the configuration: controls change status as beans and properties
 * change, production profiles are stricter, and no secret value appears anywhere.
 */
class PostureAutoConfigurationTests {

	private static final String LITERAL_KEY = "sk-posture-test-0123456789abcdef";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KillSwitchAutoConfiguration.class, PostureAutoConfiguration.class));

	private final ApplicationContextRunner guarded = this.runner
		.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class,
				AiSecurityAutoConfiguration.class, AiSecurityChatClientAutoConfiguration.class))
		.withBean("testModel", ChatModel.class,
				() -> (ChatModel) (prompt) -> new ChatResponse(List.of(new Generation(new AssistantMessage("ok")))));

	private static PostureReport report(AssertableApplicationContext context) {
		return context.getBean(PostureEvaluator.class).evaluate();
	}

	private static Status status(AssertableApplicationContext context, String id) {
		return report(context).control(id).status();
	}

	@Test
	void everyChecklistControlIsReported() {
		this.runner.run((context) -> assertThat(report(context).controls()).extracting(PostureControl::id)
			.containsExactly("input-validation", "output-filtering", "rate-limiting", "authentication", "mfa",
					"secrets", "tls", "audit-sink", "model-integrity", "monitoring", "kill-switch"));
	}

	@Test
	void inputValidationFollowsTheGuardAndItsMode() {
		this.runner.run((context) -> assertThat(status(context, "input-validation")).isEqualTo(Status.MISSING));
		this.guarded.run((context) -> {
			PostureControl control = report(context).control("input-validation");
			assertThat(control.status()).isEqualTo(Status.ACTIVE);
			assertThat(control.evidence()).contains("aiSecurityInputGuardAdvisor");
		});
		this.guarded.withPropertyValues("ai.security.mode=monitor")
			.run((context) -> assertThat(status(context, "input-validation")).isEqualTo(Status.DEGRADED));
		this.guarded.withPropertyValues("ai.security.input.enabled=false")
			.run((context) -> assertThat(status(context, "input-validation")).isEqualTo(Status.MISSING));
	}

	@Test
	void tlsIsStricterInProduction() {
		this.runner.run((context) -> assertThat(status(context, "tls")).isEqualTo(Status.DEGRADED));
		this.runner.withPropertyValues("spring.profiles.active=prod").run((context) -> {
			assertThat(report(context).production()).isTrue();
			assertThat(status(context, "tls")).isEqualTo(Status.MISSING);
		});
		this.runner.withPropertyValues("spring.profiles.active=prod", "server.ssl.enabled=true")
			.run((context) -> assertThat(status(context, "tls")).isEqualTo(Status.ACTIVE));
		this.runner
			.withPropertyValues("spring.profiles.active=live", "ai.security.secrets.production-profiles=live",
					"ai.security.posture.tls-terminated-upstream=true")
			.run((context) -> {
				assertThat(report(context).production()).isTrue();
				assertThat(status(context, "tls")).isEqualTo(Status.ACTIVE);
			});
	}

	@Test
	void secretsReportTheirOriginNeverTheirValue() {
		this.runner.run((context) -> assertThat(status(context, "secrets")).isEqualTo(Status.ACTIVE));
		this.runner.withPropertyValues("spring.ai.openai.api-key=" + LITERAL_KEY).run((context) -> {
			PostureControl control = report(context).control("secrets");
			assertThat(control.status()).isEqualTo(Status.DEGRADED);
			assertThat(control.evidence()).contains("spring.ai.openai.api-key").doesNotContain(LITERAL_KEY);
		});
		this.runner.withPropertyValues("spring.profiles.active=prod", "spring.ai.openai.api-key=" + LITERAL_KEY)
			.run((context) -> {
				assertThat(status(context, "secrets")).isEqualTo(Status.MISSING);
				assertThat(PostureStartupReporter.lines(report(context))).isNotEmpty()
					.allSatisfy((line) -> assertThat(line).doesNotContain(LITERAL_KEY))
					.anySatisfy((line) -> assertThat(line).contains("secrets missing"));
			});
		this.runner.withPropertyValues("spring.profiles.active=prod")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("vault:secret/ai", Map.of("spring.ai.openai.api-key", LITERAL_KEY))))
			.run((context) -> {
				PostureControl control = report(context).control("secrets");
				assertThat(control.status()).isEqualTo(Status.ACTIVE);
				assertThat(control.evidence()).contains("Vault").doesNotContain(LITERAL_KEY);
			});
	}

	@Test
	void killSwitchEngagedIsDegraded() {
		this.runner.run((context) -> assertThat(status(context, "kill-switch")).isEqualTo(Status.ACTIVE));
		this.runner.withPropertyValues("ai.security.kill-switch=true")
			.run((context) -> assertThat(status(context, "kill-switch")).isEqualTo(Status.DEGRADED));
		this.runner.run((context) -> {
			context.getBean(KillSwitch.class).set(true, "test");
			assertThat(status(context, "kill-switch")).isEqualTo(Status.DEGRADED);
		});
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PostureAutoConfiguration.class))
			.run((context) -> assertThat(status(context, "kill-switch")).isEqualTo(Status.MISSING));
	}

	@Test
	void startupLinesAreOnePerGap() {
		this.guarded.run((context) -> {
			PostureReport report = report(context);
			assertThat(PostureStartupReporter.lines(report)).hasSize(report.gaps().size());
			assertThat(report.gaps()).extracting(PostureControl::id)
				.contains("authentication", "model-integrity")
				.doesNotContain("input-validation", "kill-switch");
		});
	}

	@Test
	void monitoringAndAuditFollowTheirBeans() {
		this.runner.run((context) -> {
			assertThat(status(context, "monitoring")).isEqualTo(Status.MISSING);
			assertThat(status(context, "audit-sink")).isEqualTo(Status.MISSING);
		});
		this.runner
			.withBean(io.micrometer.core.instrument.MeterRegistry.class,
					io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
			.withBean(org.springframework.boot.actuate.audit.AuditEventRepository.class,
					org.springframework.boot.actuate.audit.InMemoryAuditEventRepository::new)
			.run((context) -> {
				assertThat(status(context, "monitoring")).isEqualTo(Status.ACTIVE);
				assertThat(status(context, "audit-sink")).isEqualTo(Status.ACTIVE);
			});
	}

}
