package dev.aisecurity.autoconfigure.secrets;

import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.secrets.SecretRule;
import dev.aisecurity.guard.secrets.SecretRules;
import dev.aisecurity.guard.secrets.SecretScanner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SecretDetectionAutoConfigurationTests {

	private static final String AWS_KEY = "AKIA" + "QX7RZ2M4NB5TW3K6";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SecretDetectionAutoConfiguration.class, AiSecurityAutoConfiguration.class));

	@Test
	void redactsInBothPipelinesByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SecretScanner.class);
			assertThat(context.getBean(SecretScanner.class).rules()).hasSameSizeAs(SecretRules.defaults());
			for (String name : new String[] { AiSecurityAutoConfiguration.INPUT_PIPELINE,
					AiSecurityAutoConfiguration.OUTPUT_PIPELINE }) {
				GuardPipeline pipeline = context.getBean(name, GuardPipeline.class);
				assertThat(pipeline.scanners()).extracting(Scanner::id).contains(SecretScanner.ID);
				Verdict verdict = pipeline.scan("key " + AWS_KEY + " here");
				assertThat(verdict.decision()).isEqualTo(Decision.SANITIZE);
				assertThat(verdict.text()).isEqualTo("key [REDACTED_SECRET:AWS_ACCESS_KEY] here");
			}
		});
	}

	@Test
	void disabledRulesAndCustomRules() {
		this.runner
			.withPropertyValues("ai.security.detectors.secrets.disabled-rules=aws-access-key",
					"ai.security.detectors.secrets.rules[0].id=acme-token",
					"ai.security.detectors.secrets.rules[0].keywords=acme_",
					"ai.security.detectors.secrets.rules[0].pattern=acme_[a-z0-9]{20}",
					"ai.security.detectors.secrets.rules[0].min-entropy=3")
			.run((context) -> {
				SecretScanner scanner = context.getBean(SecretScanner.class);
				assertThat(scanner.rules()).extracting(SecretRule::id)
					.doesNotContain("aws-access-key")
					.contains("acme-token");
				assertThat(scanner.findSecrets(AWS_KEY)).isEmpty();
				assertThat(scanner.findSecrets("acme_k3j9x0q2m7v5b8n1c4z6")).singleElement()
					.satisfies((match) -> assertThat(match.type()).isEqualTo("ACME_TOKEN"));
			});
	}

	@Test
	void invalidCustomRuleFailsStartup() {
		this.runner
			.withPropertyValues("ai.security.detectors.secrets.rules[0].id=broken",
					"ai.security.detectors.secrets.rules[0].keywords=x",
					"ai.security.detectors.secrets.rules[0].pattern=(a")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("missing closing )"));
	}

	@Test
	void switchedOff() {
		this.runner.withPropertyValues("ai.security.detectors.secrets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretScanner.class));
	}

	@Test
	void backsOffToUserBean() {
		SecretScanner custom = new SecretScanner(SecretRules.defaultsExcept(java.util.List.of("jwt")));
		this.runner.withBean(SecretScanner.class, () -> custom)
			.run((context) -> assertThat(context).getBean(SecretScanner.class).isSameAs(custom));
	}

}
