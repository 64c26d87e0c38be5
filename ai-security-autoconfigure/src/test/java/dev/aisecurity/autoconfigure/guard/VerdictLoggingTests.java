package dev.aisecurity.autoconfigure.guard;

import java.util.List;

import dev.aisecurity.ai.LoggingVerdictListener;
import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.TextHasher;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Findings are logged and counted with metadata only: never the text.
 */
@ExtendWith(OutputCaptureExtension.class)
class VerdictLoggingTests {

	private static final String CANARY = "CANARY-e3b0c44298fc";

	private static final String KEY = "verdict-logging-test-key";

	/** Flags any text containing "canary" (so the canary is exactly what is found). */
	static Scanner canaryScanner() {
		return new Scanner() {

			@Override
			public String id() {
				return "canary-detector";
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				int at = text.sanitized().toLowerCase().indexOf("canary");
				return (at < 0) ? List.of() : List
					.of(Finding.span(id(), "secret", "CANARY_FOUND", 0.95, at, at + CANARY.length(), "[REDACTED]"));
			}

		};
	}

	@Test
	void findingsAreLoggedAndCountedWithoutTheText(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AiSecurityAutoConfiguration.class,
					AiSecurityChatClientAutoConfiguration.class))
			.withPropertyValues("ai.security.hash-key=" + KEY,
					"ai.security.input.scanners.canary-detector.action=block")
			.withBean("canary", Scanner.class, VerdictLoggingTests::canaryScanner)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("model", ChatModel.class, AiSecurityAutoConfigurationTests::echoModel)
			.run((context) -> {
				String prompt = "my password is " + CANARY + " keep it";
				assertThatExceptionOfType(AiGuardException.class)
					.isThrownBy(() -> context.getBean(ChatModel.class).call(prompt))
					.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(CANARY));
				String hash = TextHasher.withKey(KEY).hash(prompt);
				assertThat(output).contains(LoggingVerdictListener.LOGGER_NAME)
					.contains("detector=canary-detector")
					.contains("code=CANARY_FOUND")
					.contains("decision=block")
					.contains("length=" + prompt.length())
					.contains("textHash=" + hash)
					.doesNotContain(CANARY)
					.doesNotContain("keep it");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				for (Meter meter : registry.getMeters()) {
					assertThat(meter.getId().toString()).doesNotContain(CANARY);
				}
				assertThat(registry.get("ai.security.findings").tag("code", "CANARY_FOUND").counter().count())
					.isEqualTo(1.0);
			});
		assertThat(output).doesNotContain(CANARY);
	}

}
