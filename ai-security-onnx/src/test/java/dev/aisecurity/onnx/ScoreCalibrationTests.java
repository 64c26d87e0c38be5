package dev.aisecurity.onnx;

import java.util.List;

import dev.aisecurity.guard.injection.PromptInjectionScanner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The single- and two-threshold calibrations, checked against the scanner's own fusion.
 */
class ScoreCalibrationTests {

	private static final double TARGET = 0.5;

	private static double logit(double p) {
		return Math.log(p / (1 - p));
	}

	@Test
	void theSingleThresholdShiftsLogOddsSoTheThresholdLandsOnTheTarget() {
		ScoreCalibration calibration = new ScoreCalibration(0.9, TARGET);
		for (double p : new double[] { 0.01, 0.3, 0.6, 0.89, 0.9, 0.95, 0.999 }) {
			double expected = 1 / (1 + Math.exp(-(logit(p) - logit(0.9) + logit(TARGET))));
			assertThat(calibration.apply(p)).isCloseTo(expected, within(1e-12));
		}
		assertThat(calibration.apply(0.9)).isCloseTo(TARGET, within(1e-12));
		assertThat(calibration.blocksAlone()).isTrue();
		assertThat(calibration.minimumHint()).isZero();
		assertThat(calibration.describe()).isEqualTo("threshold 0.9");
	}

	@Test
	void belowTheBlockThresholdTheClassifierCannotBlockAloneButConfirmsAHint() {
		ScoreCalibration calibration = new ScoreCalibration(0.9, TARGET, 0.999, 0.45);
		assertThat(calibration.apply(0.9)).isCloseTo(0.45, within(1e-12));
		assertThat(calibration.apply(0.99)).isEqualTo(0.45);
		assertThat(calibration.apply(0.5)).isLessThan(0.45);
		assertThat(calibration.apply(0.999)).isCloseTo(TARGET, within(1e-12));
		assertThat(calibration.apply(0.9999)).isGreaterThan(TARGET);
		double hint = calibration.minimumHint();
		assertThat(hint).isCloseTo((1 - 0.5 / 0.55) / 0.6, within(1e-12));
		// the scanner's fusion: the confirm score alone stays below the threshold, with
		// the minimum hint it reaches it, with a slightly weaker hint it does not
		assertThat(PromptInjectionScanner.fuse(List.of(calibration.apply(0.99)))).isLessThan(TARGET);
		assertThat(PromptInjectionScanner.fuse(List.of(calibration.apply(0.99), hint + 1e-9)))
			.isGreaterThanOrEqualTo(TARGET);
		assertThat(PromptInjectionScanner.fuse(List.of(calibration.apply(0.99), hint - 0.01))).isLessThan(TARGET);
		// a probability under the confirm threshold does not lift the same hint
		assertThat(PromptInjectionScanner.fuse(List.of(calibration.apply(0.6), hint + 1e-9))).isLessThan(TARGET);
	}

	@Test
	void theScoreNeverFallsAsTheProbabilityRises() {
		for (ScoreCalibration calibration : List.of(new ScoreCalibration(0.8, TARGET),
				new ScoreCalibration(0.8, TARGET, 0.99, 0.4), new ScoreCalibration(0.8, TARGET, 1, 0.3))) {
			double previous = -1;
			for (int k = 0; k <= 10_000; k++) {
				double score = calibration.apply(k / 10_000.0);
				assertThat(score).isGreaterThanOrEqualTo(previous).isBetween(0.0, 1.0);
				previous = score;
			}
		}
	}

	@Test
	void withoutABlockThresholdEvenCertaintyOnlyConfirms() {
		ScoreCalibration calibration = new ScoreCalibration(0.95, TARGET, 1, 0.4);
		assertThat(calibration.blocksAlone()).isFalse();
		assertThat(calibration.apply(1.0)).isEqualTo(0.4);
		assertThat(calibration.apply(0.999999)).isEqualTo(0.4);
		assertThat(calibration.describe()).isEqualTo("confirm threshold 0.95 (score 0.4), block threshold none");
	}

	@Test
	void inconsistentParametersAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScoreCalibration(0.9, TARGET, 0.8, 0.4));
		assertThatIllegalArgumentException().isThrownBy(() -> new ScoreCalibration(0.9, TARGET, 0.99, 0.6));
		assertThatIllegalArgumentException().isThrownBy(() -> new ScoreCalibration(0.9, TARGET, 0.99, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ScoreCalibration(0.9, TARGET, 1.01, 0.4));
		assertThatIllegalArgumentException().isThrownBy(() -> new ScoreCalibration(1, TARGET));
	}

}
