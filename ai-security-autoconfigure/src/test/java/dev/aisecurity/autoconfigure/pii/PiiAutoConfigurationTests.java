package dev.aisecurity.autoconfigure.pii;

import java.util.List;

import dev.aisecurity.ai.PiiTokenizationAdvisor;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.pii.PiiAnalyzer;
import dev.aisecurity.guard.pii.PiiEntity;
import dev.aisecurity.guard.pii.PiiRecognizer;
import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.guard.pii.PiiText;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PiiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PiiAutoConfiguration.class));

	private static List<Finding> scan(Scanner scanner, String text) {
		return scanner.scan(GuardText.of(text), ScanContext.output());
	}

	@Test
	void registersTheScannerAsAScannerBeanWithoutTokenization() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PiiScanner.class).hasSingleBean(PiiAnalyzer.class);
			assertThat(context.getBeansOfType(Scanner.class)).hasSize(1);
			assertThat(context).doesNotHaveBean(PiiTokenizationAdvisor.class)
				.doesNotHaveBean(PiiAutoConfiguration.TOKENIZATION_CUSTOMIZER);
			Scanner scanner = context.getBean(Scanner.class);
			assertThat(scanner.id()).isEqualTo("pii");
			assertThat(scan(scanner, "mail jane@example.com")).extracting(Finding::replacement)
				.containsExactly("<EMAIL_ADDRESS>");
		});
	}

	@Test
	void disabled() {
		this.runner.withPropertyValues("ai.security.detectors.pii.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PiiScanner.class));
	}

	@Test
	void appliesPerTypeSettings() {
		this.runner
			.withPropertyValues("ai.security.detectors.pii.operator=REDACT",
					"ai.security.detectors.pii.types.CREDIT_CARD.operator=MASK",
					"ai.security.detectors.pii.types.CREDIT_CARD.mask-keep-last=2",
					"ai.security.detectors.pii.types.URL.enabled=false",
					"ai.security.detectors.pii.types.IP_ADDRESS.min-score=0.95")
			.run((context) -> {
				Scanner scanner = context.getBean(Scanner.class);
				List<Finding> findings = scan(scanner,
						"a@example.com 4111 1111 1111 1111 https://example.com 203.0.113.9");
				assertThat(findings).extracting(Finding::code).containsExactly("PII_EMAIL_ADDRESS", "PII_CREDIT_CARD");
				assertThat(findings).extracting(Finding::replacement)
					.containsExactly("[REDACTED]", "**** **** **** **11");
			});
	}

	@Test
	void hashOperatorUsesTheConfiguredKey() {
		this.runner
			.withPropertyValues("ai.security.detectors.pii.types.EMAIL_ADDRESS.operator=HASH",
					"ai.security.detectors.pii.hash-key=0123456789abcdef-test-key")
			.run((context) -> {
				List<Finding> findings = scan(context.getBean(Scanner.class), "jane@example.com");
				assertThat(findings.get(0).replacement()).startsWith("<EMAIL_ADDRESS_").doesNotContain("jane");
				assertThat(context.getBean(PiiProperties.class).toString()).doesNotContain("0123456789abcdef");
			});
	}

	@Test
	void hashOperatorWithoutKeyFailsAtStartUp() {
		this.runner.withPropertyValues("ai.security.detectors.pii.operator=HASH")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("hash-key"));
	}

	@Test
	void customRecognizersFromPropertiesAndBeans() {
		this.runner.withUserConfiguration(RecognizerConfiguration.class)
			.withPropertyValues("ai.security.detectors.pii.recognizers.employee.type=EMPLOYEE_ID",
					"ai.security.detectors.pii.recognizers.employee.pattern=\\bEMP-[0-9]{6}\\b",
					"ai.security.detectors.pii.recognizers.projects.type=PROJECT",
					"ai.security.detectors.pii.recognizers.projects.terms=Blue Falcon,Nightjar")
			.run((context) -> {
				List<Finding> findings = scan(context.getBean(Scanner.class),
						"EMP-123456 works on blue  falcon and nightjar, ticket ZZ-1");
				assertThat(findings).extracting(Finding::code)
					.containsExactly("PII_EMPLOYEE_ID", "PII_PROJECT", "PII_PROJECT", "PII_TICKET");
			});
	}

	@Test
	void customRecognizerNeedsPatternOrTerms() {
		this.runner.withPropertyValues("ai.security.detectors.pii.recognizers.broken.type=X")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void tokenizationAddsAnAdvisorCustomizer() {
		this.runner.withPropertyValues("ai.security.detectors.pii.tokenization.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(PiiTokenizationAdvisor.class);
			assertThat(context.getBean(PiiTokenizationAdvisor.class).getOrder())
				.isEqualTo(PiiTokenizationAdvisor.ORDER);
			assertThat(context.getBean(PiiAutoConfiguration.TOKENIZATION_CUSTOMIZER))
				.isInstanceOf(ChatClientBuilderCustomizer.class);
		});
	}

	@Test
	void backsOffForUserBeans() {
		this.runner.withUserConfiguration(OwnScannerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(PiiScanner.class)
				.getBean(PiiScanner.class)
				.isSameAs(context.getBean(OwnScannerConfiguration.class).scanner));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecognizerConfiguration {

		@Bean
		PiiRecognizer ticketRecognizer() {
			return new PiiRecognizer() {

				@Override
				public java.util.Set<String> types() {
					return java.util.Set.of("TICKET");
				}

				@Override
				public void recognize(PiiText text, List<PiiEntity> out) {
					int at = text.text().indexOf("ZZ-1");
					if (at >= 0) {
						out.add(new PiiEntity("TICKET", at, at + 4, 0.9));
					}
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnScannerConfiguration {

		final PiiScanner scanner = PiiScanner.withDefaults();

		@Bean
		PiiScanner ownPiiScanner() {
			return this.scanner;
		}

	}

}
