package dev.aisecurity.autoconfigure.audit;

import dev.aisecurity.audit.loghygiene.LogHygieneInstaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogHygieneAutoConfiguration}: real Logback appenders, real console
 * output.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneAutoConfigurationTests {

	private static final Logger logger = LoggerFactory.getLogger("dev.aisecurity.test.LogHygiene");

	private static final String EMAIL = "jane.roe@example.org";

	private static final String CARD = "4111 1111 1111 1111";

	private static final String AWS_KEY = "AKIA" + "QX7RZ2M4NB5TW3K6";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LogHygieneAutoConfiguration.class));

	@Test
	void redactsPiiAndSecretsFromLogMessagesByDefault(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context.getBean(LogHygieneInstaller.class).installedCount()).isPositive();
			logger.warn("customer {} paid with card {} using key {}", EMAIL, CARD, AWS_KEY);
			logger.warn("ordinary line: 42 items processed in 17 ms");
		});
		String lines = output.getAll();
		assertThat(lines).contains("customer ").contains("paid with card").contains("using key");
		assertThat(lines).doesNotContain(EMAIL).doesNotContain(CARD).doesNotContain(AWS_KEY);
		assertThat(lines).contains("[REDACTED_SECRET:");
		assertThat(lines).contains("ordinary line: 42 items processed in 17 ms");
	}

	@Test
	void restoresTheOriginalEncodersWhenTheContextCloses(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasSingleBean(LogHygieneInstaller.class));
		logger.warn("after close {}", EMAIL);
		assertThat(output.getAll()).contains("after close " + EMAIL);
	}

	@Test
	void leavesMessagesUnchangedWhenDisabled(CapturedOutput output) {
		this.runner.withPropertyValues("ai.security.audit.log-hygiene.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LogHygieneInstaller.class);
			logger.warn("customer {} paid with card {} using key {}", EMAIL, CARD, AWS_KEY);
		});
		assertThat(output.getAll()).contains("customer " + EMAIL + " paid with card " + CARD + " using key " + AWS_KEY);
	}

}
