package dev.aisecurity.ai;

import java.util.List;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;

/**
 * Small scanners for edge tests, so that these tests exercise the edge (advisor,
 * decorator, auto-configuration) independently of the built-in detectors' tuning.
 */
final class TestScanners {

	static final String BLOCK_PHRASE = "ignore all previous instructions";

	private TestScanners() {
	}

	/**
	 * Blocks texts containing {@link #BLOCK_PHRASE} (case-insensitive).
	 */
	static Scanner phraseBlocker() {
		return new Scanner() {

			@Override
			public String id() {
				return "test-phrase";
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				return text.normalized().contains(BLOCK_PHRASE)
						? List.of(Finding.of(id(), "prompt-injection", "TEST_PHRASE", 0.9)) : List.of();
			}

		};
	}

}
