package dev.aisecurity.guard.extraction;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only view of the latest scores that the dashboard shows.
 */
class ExtractionScoresTests {

	private final ExtractionDetector detector = new ExtractionDetector(new ExtractionDetector.Settings(
			Duration.ofMinutes(10), 100, 3, 8, 0.6, 6, 30, 50_000, 0.45, 0.6, 0.7, Duration.ofMinutes(15)));

	@Test
	void highestScoresComeFirstAndReadingRecordsNothing() {
		long now = 1_700_000_000_000L;
		for (int i = 0; i < 10; i++) {
			this.detector.observe("enumerator", "Give the category of product " + i + " with colour red" + i, now + i);
		}
		this.detector.observe("casual", "What are the opening hours of the branch?", now + 20);
		List<ExtractionScore> scores = this.detector.highestScores(10, now + 30);
		assertThat(scores).extracting(ExtractionScore::principal).containsExactly("enumerator", "casual");
		assertThat(scores.get(0).score()).isGreaterThan(scores.get(1).score());
		assertThat(scores.get(0).requests()).isEqualTo(10);
		assertThat(scores.get(1).score()).isZero();
		assertThat(this.detector.highestScores(1, now + 30)).hasSize(1);
		// reading twice changes nothing
		assertThat(this.detector.highestScores(10, now + 30)).isEqualTo(scores);
	}

	@Test
	void principalsWhoseRequestsLeftTheWindowAreLeftOut() {
		long now = 1_700_000_000_000L;
		this.detector.observe("old", "hello there", now);
		assertThat(this.detector.highestScores(10, now + Duration.ofMinutes(11).toMillis())).isEmpty();
		assertThat(this.detector.highestScores(0, now)).isEmpty();
	}

}
