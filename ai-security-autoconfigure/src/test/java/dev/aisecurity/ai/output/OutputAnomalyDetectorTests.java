package dev.aisecurity.ai.output;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.aisecurity.ai.OutputAnomaly;
import dev.aisecurity.ai.OutputAnomalyDetector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputAnomalyDetectorTests {

	private final List<OutputAnomaly> anomalies = new ArrayList<>();

	private final OutputAnomalyDetector detector = new OutputAnomalyDetector(OutputAnomalyDetector.Settings.defaults(),
			this.anomalies::add);

	@Test
	void flagsOutputFarAboveTheBaselineOnlyOnceTheBaselineIsKnown() {
		List<OutputAnomaly> early = new ArrayList<>();
		new OutputAnomalyDetector(OutputAnomalyDetector.Settings.defaults(), early::add).record("alice", 50_000, 0,
				false);
		assertThat(early).isEmpty(); // no baseline yet
		for (int i = 0; i < 30; i++) {
			this.detector.record("alice", 800 + (i % 5) * 50, 0, false);
		}
		assertThat(this.anomalies).isEmpty();
		this.detector.record("alice", 9000, 0, false);
		assertThat(this.anomalies).singleElement().satisfies((anomaly) -> {
			assertThat(anomaly.kind()).isEqualTo(OutputAnomaly.Kind.LENGTH);
			assertThat(anomaly.principal()).isEqualTo("alice");
			assertThat(anomaly.value()).isGreaterThan(5);
		});
	}

	@Test
	void flagsAHighShareOfRedactions() {
		this.detector.record(null, 200, 20, false);
		assertThat(this.anomalies).isEmpty();
		this.detector.record(null, 200, 90, false);
		assertThat(this.anomalies).extracting(OutputAnomaly::kind).containsExactly(OutputAnomaly.Kind.REDACTIONS);
	}

	@Test
	void flagsRepeatedRefusalsPerCallerWithinTheWindow() {
		AtomicLong now = new AtomicLong(1_000_000);
		List<OutputAnomaly> seen = new ArrayList<>();
		OutputAnomalyDetector clocked = new OutputAnomalyDetector(OutputAnomalyDetector.Settings.defaults(), seen::add,
				now::get);
		clocked.record("bob", 10, 0, true);
		clocked.record("carol", 10, 0, true);
		now.addAndGet(700_000); // the first refusal leaves the 10-minute window
		clocked.record("bob", 10, 0, true);
		clocked.record("bob", 10, 0, true);
		assertThat(seen).isEmpty();
		clocked.record("bob", 10, 0, true);
		assertThat(seen).singleElement().satisfies((anomaly) -> {
			assertThat(anomaly.kind()).isEqualTo(OutputAnomaly.Kind.REFUSALS);
			assertThat(anomaly.principal()).isEqualTo("bob");
		});
	}

	@Test
	void recognisesModelRefusalsAndCarriesNoText() {
		assertThat(this.detector.isModelRefusal("I'm sorry, but I can't help with that request.")).isTrue();
		assertThat(this.detector.isModelRefusal("Sure, here is the invoice summary.")).isFalse();
		assertThat(this.detector.isModelRefusal(null)).isFalse();
		this.detector.record("dave", 100, 90, true);
		assertThat(this.anomalies).allSatisfy((anomaly) -> assertThat(anomaly.toString()).doesNotContain("sorry"));
	}

	@Test
	void aFailingSinkDoesNotBreakTheCaller() {
		OutputAnomalyDetector failing = new OutputAnomalyDetector(OutputAnomalyDetector.Settings.defaults(),
				(anomaly) -> {
					throw new IllegalStateException("sink down");
				});
		failing.record(null, 100, 100, false);
	}

}
