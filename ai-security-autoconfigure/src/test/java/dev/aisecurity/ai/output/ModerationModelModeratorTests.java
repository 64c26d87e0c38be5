package dev.aisecurity.ai.output;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.aisecurity.ai.ModerationModelModerator;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.moderation.ModerationFlag;
import dev.aisecurity.guard.moderation.ModerationScanner;
import org.junit.jupiter.api.Test;

import org.springframework.ai.moderation.CategoryScores;
import org.springframework.ai.moderation.Generation;
import org.springframework.ai.moderation.Moderation;
import org.springframework.ai.moderation.ModerationModel;
import org.springframework.ai.moderation.ModerationResponse;
import org.springframework.ai.moderation.ModerationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The ModerationModel adapter against a model answering fixed scores (a hosted moderation
 * endpoint cannot run locally).
 */
class ModerationModelModeratorTests {

	private static ModerationModel answering(double violence, double hate, AtomicReference<String> seen) {
		return (prompt) -> {
			seen.set(prompt.getInstructions().getText());
			CategoryScores scores = CategoryScores.builder().violence(violence).hate(hate).build();
			ModerationResult result = ModerationResult.builder().categoryScores(scores).flagged(violence > 0.5).build();
			Moderation moderation = Moderation.builder().id("m1").model("omni").results(List.of(result)).build();
			return new ModerationResponse(new Generation(moderation));
		};
	}

	@Test
	void flagsCategoriesAtTheirThresholds() {
		AtomicReference<String> seen = new AtomicReference<>();
		ModerationModelModerator moderator = new ModerationModelModerator(answering(0.35, 0.2, seen),
				Set.of("violence", "hate"), Map.of("violence", 0.3), 0.5);
		List<ModerationFlag> flags = moderator.moderate(GuardText.of("some answer\u200b"), ScanContext.output());
		assertThat(flags).singleElement().satisfies((flag) -> {
			assertThat(flag.category()).isEqualTo("violence");
			assertThat(flag.code()).isEqualTo("MODERATION_VIOLENCE");
			assertThat(flag.score()).isGreaterThanOrEqualTo(0.5);
		});
		// the model sees the sanitised text
		assertThat(seen.get()).isEqualTo("some answer");
	}

	@Test
	void ignoresCategoriesNotConfiguredAndLowScores() {
		ModerationModelModerator moderator = new ModerationModelModerator(answering(0.9, 0.1, new AtomicReference<>()),
				Set.of("hate"), Map.of(), 0.5);
		assertThat(moderator.moderate(GuardText.of("x"), ScanContext.output())).isEmpty();
	}

	@Test
	void blocksThroughTheScannerAndFailsClosed() {
		ModerationModelModerator moderator = new ModerationModelModerator(answering(0.9, 0, new AtomicReference<>()),
				ModerationModelModerator.DEFAULT_CATEGORIES, Map.of(), 0.5);
		GuardPipeline pipeline = GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanner(new ModerationScanner(List.of(moderator), Set.of(Direction.OUTPUT)))
			.build();
		Verdict verdict = pipeline.scan("an answer");
		assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
		assertThat(verdict.reasonCodes()).containsExactly("MODERATION_VIOLENCE");
		ModerationModel broken = (prompt) -> {
			throw new IllegalStateException("endpoint down");
		};
		GuardPipeline failing = GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanner(new ModerationScanner(
					List.of(new ModerationModelModerator(broken, Set.of("violence"), Map.of(), 0.5)),
					Set.of(Direction.OUTPUT)))
			.build();
		assertThat(failing.scan("an answer").decision()).isEqualTo(Decision.BLOCK);
	}

	@Test
	void rejectsUnknownCategories() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ModerationModelModerator(answering(0, 0, new AtomicReference<>()), Set.of("spam"),
					Map.of(), 0.5));
	}

}
