package dev.aisecurity.guard.injection;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;

/**
 * The prompt-injection scanner with its defaults, alone in an input pipeline: the
 * decision the phrase-level tests of this package assert.
 */
final class InjectionScan {

	private static final GuardPipeline PIPELINE = GuardPipeline.builder()
		.direction(Direction.INPUT)
		.scanner(new PromptInjectionScanner())
		.build();

	private InjectionScan() {
	}

	/** Whether the scanner alone blocks the text. */
	static boolean blocked(String text) {
		return PIPELINE.scan(text).decision() == Decision.BLOCK;
	}

}
