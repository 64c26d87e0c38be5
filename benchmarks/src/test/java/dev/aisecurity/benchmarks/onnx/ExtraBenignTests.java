package dev.aisecurity.benchmarks.onnx;

import java.nio.file.Path;
import java.util.List;

import dev.aisecurity.onnx.ClassificationHead;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Extra benign training pieces: on synthetic two-dimensional windows, a region that only
 * attacks occupy in the labelled rows is learnt as benign once extra benign pieces sit
 * there, the labelled rows are still told apart, and without extra pieces training is
 * what it was.
 */
class ExtraBenignTests {

	private static final float[][][] ROWS = rows();

	private static final boolean[] POSITIVE = { true, true, true, true, false, false, false, false };

	/** Attacks around (1, 0) and (1, 1); benign rows around (0, 1). */
	private static float[][][] rows() {
		return new float[][][] { { { 1f, 0f } }, { { 0.9f, 0.1f } }, { { 1f, 1f } }, { { 0.9f, 0.9f } }, { { 0f, 1f } },
				{ { 0.1f, 0.9f } }, { { 0f, 0.8f } }, { { 0.1f, 1f } } };
	}

	private static ClassificationHead fit(float[][][] extra, double share) {
		return TrainHead.fit(new HeadTrainer(8, 300, 1e-4, 3e-2, 7), ROWS, POSITIVE, TrainHead.allRows(ROWS.length),
				"test", null, extra, share);
	}

	@Test
	void extraPiecesTeachARegionToBeBenign() {
		float[] probe = { 1f, 0.05f };
		ClassificationHead without = fit(new float[0][][], 0);
		ClassificationHead with = fit(new float[][][] { { { 1f, 0f } }, { { 0.95f, 0.05f } }, { { 1f, 0.1f } } }, 0.5);
		assertThat(without.probability(probe)).isGreaterThan(0.5);
		assertThat(with.probability(probe)).isLessThan(without.probability(probe));
		// the other attacks and the benign rows are still told apart
		assertThat(with.probability(new float[] { 1f, 1f })).isGreaterThan(0.5);
		assertThat(with.probability(new float[] { 0f, 0.9f })).isLessThan(0.5);
	}

	@Test
	void withoutExtraPiecesTrainingIsUnchanged() {
		ClassificationHead before = TrainHead.fit(new HeadTrainer(8, 300, 1e-4, 3e-2, 7), ROWS, POSITIVE,
				TrainHead.allRows(ROWS.length), "test", null);
		ClassificationHead after = fit(new float[0][][], 0);
		for (float[][] row : ROWS) {
			assertThat(after.probability(row[0])).isEqualTo(before.probability(row[0]));
		}
	}

	@Test
	void shareMustLieBetweenZeroAndOne() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> ExtraBenign.read(List.of(Path.of(".")), 10, 1.0));
		assertThat(ExtraBenign.read(List.of(), 10, 0.3).isEmpty()).isTrue();
	}

}
