package dev.aisecurity.guard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuardPipelineTests {

	private static Scanner spanScanner(String id, String word, String replacement) {
		return new Scanner() {
			@Override
			public String id() {
				return id;
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				int at = text.sanitized().indexOf(word);
				return (at < 0) ? List.of()
						: List.of(Finding.span(id, "test", id.toUpperCase(), 0.9, at, at + word.length(), replacement));
			}
		};
	}

	private static Scanner wholeScanner(String id, double score) {
		return new Scanner() {
			@Override
			public String id() {
				return id;
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				return List.of(Finding.of(id, "test", "WHOLE", score));
			}
		};
	}

	@Test
	void cleanTextIsAllowedUnchanged() {
		GuardPipeline pipeline = GuardPipeline.builder().scanner(spanScanner("s", "secret", "[X]")).build();
		Verdict verdict = pipeline.scan("hello world");
		assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
		assertThat(verdict.text()).isEqualTo("hello world");
		assertThat(verdict.findings()).isEmpty();
	}

	@Test
	void sanitizeReplacesSpan() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.scanner(spanScanner("s", "secret", "[X]"))
			.policy("s", ScannerPolicy.sanitize(0.5))
			.build();
		Verdict verdict = pipeline.scan("my secret here");
		assertThat(verdict.decision()).isEqualTo(Decision.SANITIZE);
		assertThat(verdict.text()).isEqualTo("my [X] here");
		assertThat(verdict.reasonCodes()).containsExactly("S");
	}

	@Test
	void invisibleCharactersAreRemovedEvenWithoutFindings() {
		GuardPipeline pipeline = GuardPipeline.builder().build();
		Verdict verdict = pipeline.scan("he\u200Bllo");
		assertThat(verdict.decision()).isEqualTo(Decision.SANITIZE);
		assertThat(verdict.text()).isEqualTo("hello");
	}

	@Test
	void overlappingSpansMergeAndWidestReplacementWins() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.scanner(spanScanner("a", "abcdef", "[LONG]"))
			.scanner(spanScanner("b", "cd", "[SHORT]"))
			.policy("a", ScannerPolicy.sanitize(0.5))
			.policy("b", ScannerPolicy.sanitize(0.5))
			.build();
		assertThat(pipeline.scan("xxabcdefyy").text()).isEqualTo("xx[LONG]yy");
	}

	@Test
	void blockWinsOverSanitize() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.scanner(spanScanner("s", "secret", "[X]"))
			.policy("s", ScannerPolicy.sanitize(0.5))
			.scanner(wholeScanner("w", 0.8))
			.build();
		Verdict verdict = pipeline.scan("secret");
		assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
		assertThat(verdict.text()).isNull();
		assertThat(verdict.reasonCodes()).startsWith("WHOLE");
	}

	@Test
	void findingsBelowThresholdAreIgnored() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.scanner(wholeScanner("w", 0.3))
			.policy("w", ScannerPolicy.block(0.5))
			.build();
		assertThat(pipeline.scan("anything").decision()).isEqualTo(Decision.ALLOW);
	}

	@Test
	void monitorModeNeverBlocksButReports() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.mode(GuardMode.MONITOR)
			.scanner(wholeScanner("w", 0.9))
			.build();
		Verdict verdict = pipeline.scan("he\u200Bllo");
		assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
		assertThat(verdict.text()).isEqualTo("he\u200Bllo");
		assertThat(verdict.wouldBlock()).isTrue();
	}

	@Test
	void failingScannerFailsClosed() {
		Scanner failing = new Scanner() {
			@Override
			public String id() {
				return "boom";
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				throw new IllegalStateException("broken");
			}
		};
		Verdict verdict = GuardPipeline.builder().scanner(failing).build().scan("hi");
		assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
		assertThat(verdict.reasonCodes()).containsExactly(GuardPipeline.GUARD_ERROR);
	}

	@Test
	void disabledScannerDoesNotRun() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.scanner(wholeScanner("w", 0.9))
			.policy("w", ScannerPolicy.disabled())
			.build();
		assertThat(pipeline.scanners()).isEmpty();
		assertThat(pipeline.scan("x").decision()).isEqualTo(Decision.ALLOW);
	}

	@Test
	void verdictToStringNeverContainsText() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.scanner(spanScanner("s", "secret", "[X]"))
			.policy("s", ScannerPolicy.sanitize(0.5))
			.build();
		assertThat(pipeline.scan("my secret canary-123").toString()).doesNotContain("canary-123")
			.doesNotContain("secret here");
	}

	@Test
	void listenerSeesMetadata() {
		int[] seen = new int[1];
		GuardPipeline pipeline = GuardPipeline.builder().listener((ctx, v, len, nanos) -> seen[0] = len).build();
		pipeline.scan("12345");
		assertThat(seen[0]).isEqualTo(5);
	}

}
