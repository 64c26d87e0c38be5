package dev.aisecurity.audit.loghygiene;

import java.util.List;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogRedactor}.
 */
class LogRedactorTests {

	private final LogRedactor redactor = new LogRedactor(6, 200);

	@Test
	void redactsEmailCardAndKey() {
		String redacted = this.redactor
			.redact("mail ann.lee@example.net card 5555 5555 5555 4444 key AKIA" + "QX7RZ2M4NB5TW3K6 done");
		assertThat(redacted).startsWith("mail ").endsWith(" done");
		assertThat(redacted).doesNotContain("ann.lee@example.net")
			.doesNotContain("5555 5555 5555 4444")
			.doesNotContain("QX7RZ2M4NB5TW3K6");
	}

	@Test
	void leavesOrdinaryAndShortMessagesAlone() {
		assertThat(this.redactor.redact("Started application in 2.3 seconds"))
			.isEqualTo("Started application in 2.3 seconds");
		assertThat(this.redactor.redact("a@b")).isEqualTo("a@b");
		assertThat(this.redactor.redact(null)).isNull();
	}

	@Test
	void theRequestIdOfAFailedBuildSurvivesLogRedaction() {
		// the id whose groups 8560-4535 were redacted as a phone number in a CI log
		String line = "{\"requestId\":\"99d0add7-8560-4535-b48b-d88e1e47c9a5\",\"outcome\":\"ALLOWED\"}";
		assertThat(this.redactor.redact(line)).isEqualTo(line);
	}

	@Test
	void withholdsTheTailOfLongMessages() {
		String tail = " bob.stone@example.com";
		String redacted = this.redactor.redact("x ".repeat(150) + tail);
		assertThat(redacted).endsWith(LogRedactor.TRUNCATED).doesNotContain("bob.stone");
		assertThat(redacted.length()).isLessThan(200 + LogRedactor.TRUNCATED.length() + 1);
	}

	@Test
	void failsClosedWhenAScannerFails() {
		Scanner failing = new Scanner() {
			@Override
			public String id() {
				return "failing";
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				throw new IllegalStateException("boom");
			}
		};
		LogRedactor broken = new LogRedactor(GuardPipeline.builder().scanner(failing).build(), 1, 100);
		assertThat(broken.redact("anything at all")).isEqualTo(LogRedactor.WITHHELD);
	}

}
