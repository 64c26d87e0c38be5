package dev.aisecurity.guard.drift;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class EwmaBaselineTests {

	@Test
	void equalWeightsWhileWarmingUpGiveTheExactMeanAndPopulationVariance() {
		EwmaBaseline baseline = new EwmaBaseline(0.01);
		for (double value : new double[] { 2, 4, 4, 4, 5, 5, 7, 9 }) {
			baseline.observe(value);
		}
		assertThat(baseline.count()).isEqualTo(8);
		assertThat(baseline.mean()).isCloseTo(5.0, within(1e-9));
		assertThat(baseline.variance()).isCloseTo(4.0, within(1e-9));
		assertThat(baseline.sigma()).isCloseTo(2.0, within(1e-9));
	}

	@Test
	void convergesToTheMeanAndSigmaOfAStationarySeries() {
		EwmaBaseline baseline = new EwmaBaseline(0.01);
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			baseline.observe(100 + 10 * random.nextGaussian());
		}
		assertThat(baseline.mean()).isCloseTo(100, within(3.0));
		assertThat(baseline.sigma()).isCloseTo(10, within(1.5));
	}

	@Test
	void followsALevelShift() {
		EwmaBaseline baseline = new EwmaBaseline(0.1);
		for (int i = 0; i < 100; i++) {
			baseline.observe(10);
		}
		for (int i = 0; i < 100; i++) {
			baseline.observe(50);
		}
		assertThat(baseline.mean()).isCloseTo(50, within(0.01));
	}

	@Test
	void ignoresNonFiniteValuesAndRejectsBadAlpha() {
		EwmaBaseline baseline = new EwmaBaseline(0.5);
		baseline.observe(Double.NaN);
		baseline.observe(Double.POSITIVE_INFINITY);
		assertThat(baseline.count()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> new EwmaBaseline(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new EwmaBaseline(1.5));
	}

}
