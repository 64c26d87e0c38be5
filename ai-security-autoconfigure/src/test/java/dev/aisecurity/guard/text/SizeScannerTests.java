package dev.aisecurity.guard.text;

import java.util.List;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SizeScannerTests {

	private final SizeScanner scanner = new SizeScanner(new SizeLimits(100, 20, 150, 30));

	private List<String> codes(String text) {
		return this.scanner.scan(GuardText.of(text), ScanContext.input()).stream().map(Finding::code).toList();
	}

	@Test
	void shortMessagePasses() {
		assertThat(codes("What is the capital of France?")).isEmpty();
	}

	@Test
	void tooManyCharactersIsReported() {
		assertThat(codes("a ".repeat(51))).containsExactly(SizeScanner.INPUT_TOO_LONG);
	}

	@Test
	void tooManyTokensIsReportedWithinTheCharacterLimit() {
		// 25 punctuation marks: 25 tokens in 25 characters
		assertThat(codes("!?".repeat(12) + "!")).containsExactly(SizeScanner.TOO_MANY_TOKENS);
		assertThat(codes("word ".repeat(15))).isEmpty();
	}

	@Test
	void promptCheckAddsUpMessages() {
		SizeScanner characters = new SizeScanner(new SizeLimits(100, 1000, 150, 1000));
		assertThat(characters.checkPrompt(List.of("x".repeat(80), "y".repeat(60)))).isEmpty();
		assertThat(characters.checkPrompt(List.of("x".repeat(80), "y".repeat(80)))).extracting(Finding::code)
			.containsExactly(SizeScanner.PROMPT_TOO_LONG);
		assertThat(
				SizeScanner.checkPrompt(List.of("a b c d e f g h i j k l m n o p q", "a b c d e f g h i j k l m n o"),
						new SizeLimits(100, 20, 150, 30)))
			.extracting(Finding::code)
			.containsExactly(SizeScanner.PROMPT_TOO_LONG);
	}

	@Test
	void promptCheckReportsOversizedMessage() {
		assertThat(this.scanner.checkPrompt(List.of("z".repeat(120)))).extracting(Finding::code)
			.containsExactly(SizeScanner.INPUT_TOO_LONG, SizeScanner.PROMPT_TOO_LONG);
	}

	@Test
	void defaultsBlockInPipeline() {
		GuardPipeline pipeline = GuardPipeline.builder().scanner(new SizeScanner()).build();
		Verdict verdict = pipeline.scan("x ".repeat(SizeLimits.DEFAULT_MAX_MESSAGE_CHARACTERS));
		assertThat(verdict.isBlocked()).isTrue();
		assertThat(verdict.reasonCodes()).containsExactly(SizeScanner.INPUT_TOO_LONG);
		assertThat(pipeline.scan("hello").isBlocked()).isFalse();
	}

	@Test
	void limitsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SizeLimits(0, 1, 1, 1));
	}

	@Test
	void tokenEstimateFollowsScripts() {
		assertThat(TokenEstimator.estimate("")).isZero();
		assertThat(TokenEstimator.estimate("the cat sat")).isEqualTo(3);
		assertThat(TokenEstimator.estimate("internationalization")).isEqualTo(5);
		assertThat(TokenEstimator.estimate("1234567")).isEqualTo(3);
		assertThat(TokenEstimator.estimate("你好世界")).isEqualTo(4);
		assertThat(TokenEstimator.estimate("привет")).isEqualTo(3);
		assertThat(TokenEstimator.estimate("a, b.")).isEqualTo(4);
	}

}
