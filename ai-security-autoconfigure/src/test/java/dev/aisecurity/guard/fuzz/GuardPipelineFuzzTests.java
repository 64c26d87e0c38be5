package dev.aisecurity.guard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the default pipelines with Jazzer. Off in an ordinary build
 * (starting Jazzer's agent costs a minute on a small machine, and its hooks then slow
 * every later test in the same JVM; {@link EngineRandomFuzzTests} covers the same
 * properties with seeded random input). Run the seeds with {@code -Djazzer.engine=true},
 * or fuzz with {@code JAZZER_FUZZ=1} and that property. The input is built from fragments
 * chosen by the fuzzer, so mutations explore combinations of surrogates, tag characters,
 * token prefixes and delimiters.
 */
@EnabledIfSystemProperty(named = "jazzer.engine", matches = "true")
class GuardPipelineFuzzTests {

	private static final GuardPipeline INPUT = GuardPipelines.defaultInput();

	private static final GuardPipeline OUTPUT = GuardPipelines.defaultOutput();

	@FuzzTest(maxDuration = "60s")
	void pipelinesNeverFail(FuzzedDataProvider data) {
		StringBuilder text = new StringBuilder();
		int parts = data.consumeInt(0, 64);
		for (int i = 0; i < parts && data.remainingBytes() > 0; i++) {
			switch (data.consumeInt(0, 3)) {
				case 0 -> text
					.append(AdversarialText.FRAGMENTS.get(data.consumeInt(0, AdversarialText.FRAGMENTS.size() - 1)));
				case 1 -> text.append(data.consumeString(64));
				case 2 -> text.append(AdversarialText.UNITS.get(data.consumeInt(0, AdversarialText.UNITS.size() - 1))
					.repeat(data.consumeInt(1, 2000)));
				default -> text.appendCodePoint(data.consumeInt(0, 0x10FFFF));
			}
		}
		text.append(data.consumeRemainingAsString());
		String input = text.toString();
		for (GuardPipeline pipeline : new GuardPipeline[] { INPUT, OUTPUT }) {
			Verdict verdict = pipeline.scan(input);
			assertThat(verdict.reasonCodes()).doesNotContain(GuardPipeline.GUARD_ERROR);
			if (verdict.text() != null) {
				assertThat((long) verdict.text().length()).isLessThanOrEqualTo(input.length() * 40L + 64);
			}
		}
	}

}
