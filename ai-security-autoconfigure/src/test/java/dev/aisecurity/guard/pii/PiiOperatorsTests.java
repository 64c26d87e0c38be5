package dev.aisecurity.guard.pii;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PiiOperatorsTests {

	private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

	@Test
	void redactReplaceAndMask() {
		assertThat(PiiOperators.redact().apply("CREDIT_CARD", "4111 1111 1111 1111")).isEqualTo("[REDACTED]");
		assertThat(PiiOperators.replace().apply("CREDIT_CARD", "4111 1111 1111 1111")).isEqualTo("<CREDIT_CARD>");
		assertThat(PiiOperators.mask(4).apply("CREDIT_CARD", "4111-1111-1111-1234")).isEqualTo("****-****-****-1234");
		assertThat(PiiOperators.mask(0, '#').apply("US_SSN", "536-22-1234")).isEqualTo("###-##-####");
	}

	@Test
	void keyedHashIsStablePerKeyAndHidesTheValue() {
		PiiOperator hash = PiiOperators.hash(KEY);
		String first = hash.apply("EMAIL_ADDRESS", "jane@example.com");
		assertThat(first).isEqualTo(hash.apply("EMAIL_ADDRESS", "jane@example.com"))
			.startsWith("<EMAIL_ADDRESS_")
			.doesNotContain("jane")
			.hasSize("<EMAIL_ADDRESS_>".length() + 16);
		assertThat(hash.apply("EMAIL_ADDRESS", "john@example.com")).isNotEqualTo(first);
		byte[] otherKey = KEY.clone();
		otherKey[0] ^= 1;
		assertThat(PiiOperators.hash(otherKey).apply("EMAIL_ADDRESS", "jane@example.com")).isNotEqualTo(first);
		assertThat(hash.toString()).doesNotContain("0123");
		assertThatIllegalArgumentException().isThrownBy(() -> PiiOperators.hash(new byte[4]));
	}

	@Test
	void scannerReportsCodesAndOperatorReplacements() {
		PiiScanner scanner = PiiScanner.builder()
			.defaultOperator(PiiOperators.redact())
			.operator("CREDIT_CARD", PiiOperators.mask(4))
			.build();
		String text = "mail jane@example.com, card 4111 1111 1111 1111";
		List<Finding> findings = scanner.scan(GuardText.of(text), ScanContext.output());
		assertThat(findings).extracting(Finding::code).containsExactly("PII_EMAIL_ADDRESS", "PII_CREDIT_CARD");
		assertThat(findings).extracting(Finding::replacement).containsExactly("[REDACTED]", "**** **** **** 1111");
		assertThat(findings).allSatisfy((f) -> assertThat(f.toString()).doesNotContain("jane@example.com"));
	}

	@Test
	void defaultPoliciesSanitizeOutputAndMonitorInput() {
		PiiScanner scanner = PiiScanner.withDefaults();
		assertThat(scanner.defaultPolicy(Direction.OUTPUT)).isEqualTo(ScannerPolicy.sanitize(0.5));
		assertThat(scanner.defaultPolicy(Direction.INPUT)).isEqualTo(ScannerPolicy.monitor(0.5));
		Verdict output = GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanners(List.of(scanner))
			.build()
			.scan("reach me at jane@example.com", ScanContext.output());
		assertThat(output.decision()).isEqualTo(Decision.SANITIZE);
		assertThat(output.text()).isEqualTo("reach me at <EMAIL_ADDRESS>");
		Verdict input = GuardPipeline.builder()
			.direction(Direction.INPUT)
			.scanners(List.of(scanner))
			.build()
			.scan("reach me at jane@example.com", ScanContext.input());
		assertThat(input.decision()).isEqualTo(Decision.ALLOW);
		assertThat(input.findings()).extracting(Finding::code).containsExactly("PII_EMAIL_ADDRESS");
	}

	@Test
	void operatorByKind() {
		assertThat(PiiOperators.of(PiiOperator.Kind.MASK, 2, null).apply("X", "abcd")).isEqualTo("**cd");
		assertThatIllegalArgumentException().isThrownBy(() -> PiiOperators.of(PiiOperator.Kind.HASH, 0, null));
	}

}
