package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identifiers that logs and audit records carry (request ids, trace ids) are not PII,
 * even where a run of their digits reads as a valid phone number: a log line redacted
 * into {@code 99d0add7-<PHONE_NUMBER>-b48b-...} loses the id that ties it to its audit
 * record.
 */
class IdentifierLookalikeTests {

	private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

	@Test
	void randomUuidsAreNotPii() {
		Random random = new Random(20261127);
		List<String> flagged = new ArrayList<>();
		int digitRuns = 0;
		for (int run = 0; run < 20000; run++) {
			String id = new UUID(random.nextLong(), random.nextLong()).toString();
			if (hasDigitOnlyGroups(id)) {
				digitRuns++;
			}
			for (String text : List.of(id, "\"requestId\":\"" + id + "\"", "trace " + id + " done")) {
				List<PiiEntity> found = this.analyzer.analyze(text);
				if (!found.isEmpty()) {
					flagged.add(text + " " + found.get(0).type());
				}
			}
		}
		// the check means something only if many ids hold two adjacent groups of digits
		assertThat(digitRuns).isGreaterThan(500);
		assertThat(flagged).isEmpty();
	}

	@Test
	void aLabelGluedByAHyphenIsNotAnIdentifier() {
		assertThat(types("ssn-536-22-1234")).contains("US_SSN");
		assertThat(types("card-4111 1111 1111 1111")).contains("CREDIT_CARD");
		assertThat(types("tel-+44 20 7946 0958")).contains("PHONE_NUMBER");
		// the same values as groups of an identifier with digits
		assertThat(types("7f3a-536-22-1234")).doesNotContain("US_SSN");
		assertThat(types("4111111111111111-0a9f")).doesNotContain("CREDIT_CARD");
	}

	private List<String> types(String text) {
		return this.analyzer.analyze(text).stream().map(PiiEntity::type).toList();
	}

	private static boolean hasDigitOnlyGroups(String id) {
		String[] groups = id.split("-");
		for (int i = 1; i < groups.length; i++) {
			if (groups[i - 1].chars().allMatch(Character::isDigit) && groups[i].chars().allMatch(Character::isDigit)) {
				return true;
			}
		}
		return false;
	}

}
