package dev.aisecurity.guard.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftDetectorTests {

	private final Random random = new Random(7);

	// bounded noise: a Gaussian series of thousands of points legitimately has 4-sigma
	// tails
	private double noise() {
		return 2 * this.random.nextDouble() - 1;
	}

	private DriftObservation normal(String endpoint) {
		int input = 400 + (int) (100 * noise());
		int output = 900 + (int) (200 * noise());
		long latency = (long) ((200 + 50 * noise()) * 1_000_000);
		return new DriftObservation(endpoint, Math.max(0, input), Math.max(0, output), false, false, latency);
	}

	@Test
	void aStableSeriesRaisesNothing() {
		DriftDetector detector = new DriftDetector(DriftSettings.DEFAULTS);
		List<DriftDeviation> all = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			all.addAll(detector.observe(normal("POST /api/chat")));
		}
		assertThat(all).isEmpty();
		DriftSnapshot input = detector.snapshot("POST /api/chat", DriftMetric.INPUT_CHARS);
		assertThat(input.count()).isEqualTo(5_000);
		assertThat(input.mean()).isBetween(370.0, 430.0);
	}

	@Test
	void aSuddenJumpInInputLengthRaisesADeviation() {
		DriftDetector detector = new DriftDetector(DriftSettings.DEFAULTS);
		for (int i = 0; i < 500; i++) {
			detector.observe(normal("POST /api/chat"));
		}
		List<DriftDeviation> deviations = detector
			.observe(new DriftObservation("POST /api/chat", 20_000, 900, false, false, 200_000_000L));
		assertThat(deviations).singleElement().satisfies((deviation) -> {
			assertThat(deviation.metric()).isEqualTo(DriftMetric.INPUT_CHARS);
			assertThat(deviation.endpoint()).isEqualTo("POST /api/chat");
			assertThat(deviation.value()).isEqualTo(20_000);
			assertThat(deviation.mean()).isBetween(350.0, 450.0);
			assertThat(deviation.score()).isGreaterThan(4);
		});
		assertThat(detector.snapshot("POST /api/chat", DriftMetric.INPUT_CHARS).deviations()).isEqualTo(1);
	}

	@Test
	void aBurstOfBlocksRaisesABlockRateDeviationButASingleOneDoesNot() {
		DriftDetector detector = new DriftDetector(DriftSettings.DEFAULTS);
		for (int i = 0; i < 300; i++) {
			detector.observe(normal("POST /api/chat"));
		}
		assertThat(detector.observe(new DriftObservation("POST /api/chat", 400, 0, true, true, 1_000_000L))
			.stream()
			.map(DriftDeviation::metric)).doesNotContain(DriftMetric.BLOCK_RATE, DriftMetric.REFUSAL_RATE);
		for (int i = 0; i < 20; i++) {
			detector.observe(normal("POST /api/chat"));
		}
		List<DriftMetric> seen = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			detector.observe(new DriftObservation("POST /api/chat", 400, 0, true, true, 200_000_000L))
				.forEach((deviation) -> seen.add(deviation.metric()));
		}
		assertThat(seen).contains(DriftMetric.BLOCK_RATE, DriftMetric.REFUSAL_RATE);
	}

	@Test
	void nothingIsReportedDuringWarmUp() {
		DriftDetector detector = new DriftDetector(new DriftSettings(0.02, 0.1, 4, 50, 100));
		for (int i = 0; i < 49; i++) {
			detector.observe(new DriftObservation("e", 100, 100, false, false, 1_000_000L));
		}
		assertThat(detector.observe(new DriftObservation("e", 100_000, 100, false, false, 1_000_000L))).isEmpty();
		// the 51st observation is judged against the 50 before it
		assertThat(detector.observe(new DriftObservation("e", 100_000, 100, false, false, 1_000_000L)))
			.extracting(DriftDeviation::metric)
			.containsExactly(DriftMetric.INPUT_CHARS);
	}

	@Test
	void endpointsHaveSeparateBaselinesAndTheirNumberIsBounded() {
		DriftDetector detector = new DriftDetector(new DriftSettings(0.02, 0.1, 4, 10, 2));
		for (int i = 0; i < 100; i++) {
			detector.observe(new DriftObservation("small", 10 + (i % 3), 10, false, false, 1_000_000L));
			detector.observe(new DriftObservation("large", 5000 + (i % 300), 10, false, false, 1_000_000L));
			detector.observe(new DriftObservation("third-" + i, 10, 10, false, false, 1_000_000L));
		}
		assertThat(detector.snapshot("small", DriftMetric.INPUT_CHARS).mean()).isLessThan(20);
		assertThat(detector.snapshot("large", DriftMetric.INPUT_CHARS).mean()).isGreaterThan(4000);
		assertThat(detector.snapshot("third-5", DriftMetric.INPUT_CHARS)).isNull();
		assertThat(detector.snapshot(DriftDetector.OTHER_ENDPOINT, DriftMetric.INPUT_CHARS).count()).isEqualTo(100);
		assertThat(detector.snapshot()).extracting(DriftSnapshot::endpoint)
			.containsOnly("small", "large", DriftDetector.OTHER_ENDPOINT);
	}

	@Test
	void concurrentObservationsAreAllCounted() throws InterruptedException {
		DriftDetector detector = new DriftDetector(DriftSettings.DEFAULTS);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		for (int t = 0; t < 4; t++) {
			pool.execute(() -> {
				for (int i = 0; i < 1_000; i++) {
					detector.observe(new DriftObservation("e", 100, 100, false, false, 1_000_000L));
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(detector.snapshot("e", DriftMetric.LATENCY_MILLIS).count()).isEqualTo(4_000);
	}

}
