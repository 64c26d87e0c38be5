package dev.aisecurity.ai;

import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Small scanners for edge tests, so that these tests exercise the edge (advisor,
 * decorator, auto-configuration) independently of the built-in detectors' tuning.
 */
final class TestScanners {

	static final String BLOCK_PHRASE = "ignore all previous instructions";

	static final String SECRET_PREFIX = "sk-test-";

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

	/**
	 * Redacts tokens starting with {@link #SECRET_PREFIX} up to the next space.
	 */
	static Scanner secretRedactor() {
		return new Scanner() {

			@Override
			public String id() {
				return "test-secret";
			}

			@Override
			public boolean supports(Direction direction) {
				return true;
			}

			@Override
			public ScannerPolicy defaultPolicy(Direction direction) {
				return ScannerPolicy.sanitize(0.5);
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				List<Finding> findings = new ArrayList<>();
				String s = text.sanitized();
				int from = 0;
				int at;
				while ((at = s.indexOf(SECRET_PREFIX, from)) >= 0) {
					int end = at;
					while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
						end++;
					}
					findings.add(Finding.span(id(), "secret", "TEST_SECRET", 1.0, at, end, "[REDACTED]"));
					from = end;
				}
				return findings;
			}

		};
	}

}
