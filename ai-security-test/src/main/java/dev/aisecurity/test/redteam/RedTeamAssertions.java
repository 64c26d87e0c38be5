package dev.aisecurity.test.redteam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.opentest4j.AssertionFailedError;

/**
 * Assertions on a {@link RedTeamReport}.
 */
public final class RedTeamAssertions {

	private RedTeamAssertions() {
	}

	/**
	 * Every attack that ran was blocked or neutralised.
	 * @param report the report
	 */
	public static void assertNoLeaks(RedTeamReport report) {
		List<AttackResult> failures = report.failures();
		if (!failures.isEmpty()) {
			StringBuilder message = new StringBuilder(failures.size() + " attack(s) leaked or failed:");
			failures.stream().limit(20).forEach((result) -> message.append("\n  ").append(describe(result)));
			throw new AssertionFailedError(message.toString());
		}
	}

	/**
	 * Every given class ran at least once, and every attack of it was blocked or
	 * neutralised (all classes that ran, when none is given).
	 * @param report the report
	 * @param classes the classes that must have run and passed
	 */
	public static void assertEveryClassBlockedOrNeutralised(RedTeamReport report, AttackClass... classes) {
		Map<AttackClass, RedTeamReport.Summary> summary = report.summary();
		List<AttackClass> required = (classes.length > 0) ? Arrays.asList(classes) : new ArrayList<>(summary.keySet());
		List<String> problems = new ArrayList<>();
		for (AttackClass attackClass : required) {
			RedTeamReport.Summary counts = summary.get(attackClass);
			if (counts == null || counts.attempts() == 0) {
				problems.add(attackClass.id() + ": no attack ran");
			}
			else if (!counts.passed()) {
				problems.add(attackClass.id() + ": " + counts.leaked() + " leaked, " + counts.errors() + " failed of "
						+ counts.attempts());
			}
		}
		if (!problems.isEmpty()) {
			throw new AssertionFailedError(
					"Attack classes not blocked or neutralised:\n  " + String.join("\n  ", problems));
		}
	}

	/**
	 * One line about a result, for failure messages: never the answer.
	 * @param result the result
	 * @return the description
	 */
	public static String describe(AttackResult result) {
		StringBuilder text = new StringBuilder();
		text.append(result.attackId()).append(": ").append(result.outcome());
		if (!result.leaked().isEmpty()) {
			text.append(" (").append(String.join(", ", result.leaked())).append(')');
		}
		if (result.detector() != null) {
			text.append(", should be stopped by '").append(result.detector()).append('\'');
		}
		text.append(": ").append(result.detail());
		text.append(" [attack: ").append(result.preview()).append(']');
		return text.toString();
	}

}
