package dev.aisecurity.guard;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-scanner timings reported to {@link ScannerTimingListener}s.
 */
class GuardPipelineTimingListenerTests {

	private record Run(Direction direction, String scannerId, long nanos) {
	}

	private final List<Run> runs = new CopyOnWriteArrayList<>();

	private static Scanner scanner(String id, boolean fail) {
		return new Scanner() {
			@Override
			public String id() {
				return id;
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				if (fail) {
					throw new IllegalStateException("broken");
				}
				return List.of();
			}
		};
	}

	private GuardPipeline.Builder builder() {
		return GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanner(scanner("first", false))
			.scanner(scanner("broken", true))
			.scanner(scanner("last", false))
			.timingListener((direction, id, nanos) -> this.runs.add(new Run(direction, id, nanos)));
	}

	@Test
	void everyScannerRunIsReportedInOrderIncludingFailures() {
		Verdict verdict = builder().build().scan("some text");
		assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
		assertThat(this.runs).extracting(Run::scannerId).containsExactly("first", "broken", "last");
		assertThat(this.runs).allSatisfy((run) -> {
			assertThat(run.direction()).isEqualTo(Direction.OUTPUT);
			assertThat(run.nanos()).isNotNegative();
		});
	}

	@Test
	void aFailingTimingListenerDoesNotChangeTheVerdictOrHideRunsFromOthers() {
		GuardPipeline pipeline = GuardPipeline.builder()
			.scanner(scanner("only", false))
			.timingListener((direction, id, nanos) -> {
				throw new IllegalStateException("listener broken");
			})
			.timingListener((direction, id, nanos) -> this.runs.add(new Run(direction, id, nanos)))
			.build();
		assertThat(pipeline.scan("hello").decision()).isEqualTo(Decision.ALLOW);
		assertThat(this.runs).extracting(Run::scannerId).containsExactly("only");
	}

	@Test
	void timingListenersSurviveWithoutListeners() {
		GuardPipeline pipeline = builder().listener((context, verdict, length, nanos) -> {
		}).build().withoutListeners();
		pipeline.scan("text");
		assertThat(this.runs).hasSize(3);
	}

}
