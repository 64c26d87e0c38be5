package dev.aisecurity.test.redteam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Direction;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension in a real JUnit run: dynamic tests per attack, failures for leaks, and
 * the JSON and HTML reports written after the class.
 */
class RedTeamExtensionTests {

	@Test
	void leakyTargetFailsItsDynamicTestsAndWritesTheReport(@TempDir Path dir) throws Exception {
		Events tests = run(LeakyExample.class, dir);
		long failed = tests.failed().count();
		long succeeded = tests.succeeded().count();
		// the run had leaks but not only leaks
		assertThat(failed).isPositive();
		assertThat(succeeded).isPositive();
		// raw HTTP bodies do not apply to a function: aborted, not failed
		assertThat(tests.aborted().count()).isPositive();
		Path json = dir.resolve("leaky.json");
		assertThat(json).exists();
		String report = Files.readString(json);
		assertThat(report).contains("\"corpusVersion\": \"" + AttackCorpus.VERSION + "\"")
			.contains("\"passed\": false")
			.contains("\"outcome\": \"LEAKED\"")
			.contains("\"detector\": \"system-prompt-leak\"")
			.doesNotContain(NaiveModel.CANARY)
			.doesNotContain("Acme Travel");
		assertThat(Files.readString(dir.resolve("leaky.html"))).contains("<h1>AI red-team report")
			.contains("class=\"LEAKED\"")
			.doesNotContain(NaiveModel.CANARY);
	}

	@Test
	void guardedTargetPassesEveryDynamicTest(@TempDir Path dir) {
		Events tests = run(GuardedExample.class, dir);
		assertThat(tests.failed().count()).isZero();
		assertThat(tests.succeeded().count()).isGreaterThan(100);
		assertThat(dir.resolve("report.json")).exists();
	}

	private static Events run(Class<?> testClass, Path dir) {
		String previous = System.setProperty(RedTeamExtension.REPORT_DIR_PROPERTY, dir.toString());
		try {
			return EngineTestKit.engine("junit-jupiter")
				.selectors(selectClass(testClass))
				.configurationParameter("junit.jupiter.conditions.deactivate", "*")
				.execute()
				.testEvents();
		}
		finally {
			if (previous != null) {
				System.setProperty(RedTeamExtension.REPORT_DIR_PROPERTY, previous);
			}
			else {
				System.clearProperty(RedTeamExtension.REPORT_DIR_PROPERTY);
			}
		}
	}

	@AiRedTeam(report = "leaky")
	static class LeakyExample {

		@TestFactory
		Stream<DynamicNode> attacks(RedTeam redTeam) {
			return redTeam.target(AttackTarget.of("naive", NaiveModel::answer))
				.corpus(NaiveModel.corpus())
				.dynamicTests();
		}

	}

	@AiRedTeam
	static class GuardedExample {

		@TestFactory
		Stream<DynamicNode> attacks(RedTeam redTeam) {
			return redTeam.target(AttackTarget.of("guarded", (message) -> {
				throw new AiGuardException(Direction.INPUT, Set.of("TEST_GUARD"));
			})).corpus(NaiveModel.corpus()).dynamicTests();
		}

	}

}
