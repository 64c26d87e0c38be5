package dev.aisecurity.guard.moderation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationScannerTests {

	private final ModerationScanner scanner = new ModerationScanner();

	private List<Finding> scan(String text) {
		return this.scanner.scan(GuardText.of(text), ScanContext.output());
	}

	@Test
	void flagsDefaultCategories() {
		assertThat(scan("Honestly, go kill yourself.")).extracting(Finding::code)
			.containsExactly("MODERATION_HARASSMENT");
		assertThat(scan("Here is how to make a pipe bomb: ...")).extracting(Finding::code)
			.containsExactly("MODERATION_VIOLENCE");
		assertThat(scan("The best way to commit suicide is")).extracting(Finding::code)
			.containsExactly("MODERATION_SELF_HARM");
	}

	@Test
	void ignoresOrdinaryText() {
		assertThat(scan("The process was killed; kill -9 the stale worker and restart it.")).isEmpty();
		assertThat(scan("Skills you will need: Java, Spring, SQL.")).isEmpty();
		assertThat(scan("If you are thinking about suicide, please call a crisis line.")).isEmpty();
	}

	@Test
	void seesThroughObfuscation() {
		assertThat(scan("go  KILL\u200b your-self")).isEmpty(); // "yourself" split:
																// different word
		assertThat(scan("go KILL\u200b yourself")).extracting(Finding::code).containsExactly("MODERATION_HARASSMENT");
		assertThat(scan("g\u043e kill y\u043eurself")).extracting(Finding::code)
			.containsExactly("MODERATION_HARASSMENT");
	}

	@Test
	void outputOnlyByDefaultInputOptional() {
		assertThat(this.scanner.supports(Direction.OUTPUT)).isTrue();
		assertThat(this.scanner.supports(Direction.INPUT)).isFalse();
		ModerationScanner both = new ModerationScanner(List.of(new TermListModerator()),
				Set.of(Direction.INPUT, Direction.OUTPUT));
		assertThat(both.supports(Direction.INPUT)).isTrue();
	}

	@Test
	void customListsAndModeratorsAndBlockingPipeline() {
		ContentModerator custom = new TermListModerator(Map.of("competitors", List.of("acme corp")), 0.7);
		ModerationScanner scanner = new ModerationScanner(List.of(custom), Set.of(Direction.OUTPUT));
		GuardPipeline pipeline = GuardPipeline.builder().direction(Direction.OUTPUT).scanner(scanner).build();
		Verdict verdict = pipeline.scan("You could also buy from ACME Corp.");
		assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
		assertThat(verdict.reasonCodes()).containsExactly("MODERATION_COMPETITORS");
		assertThat(verdict.toString()).doesNotContain("ACME").doesNotContain("acme");
		assertThat(pipeline.scan("Buy from us.").decision()).isEqualTo(Decision.ALLOW);
	}

	@Test
	void failingModeratorFailsClosed() {
		ContentModerator broken = new ContentModerator() {
			@Override
			public String id() {
				return "broken";
			}

			@Override
			public List<ModerationFlag> moderate(GuardText text, ScanContext context) {
				throw new IllegalStateException("service down");
			}
		};
		GuardPipeline pipeline = GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanner(new ModerationScanner(List.of(broken), Set.of(Direction.OUTPUT)))
			.build();
		assertThat(pipeline.scan("hello").decision()).isEqualTo(Decision.BLOCK);
	}

}
