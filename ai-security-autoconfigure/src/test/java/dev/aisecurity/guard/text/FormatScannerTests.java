package dev.aisecurity.guard.text;

import java.util.List;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatScannerTests {

	private final FormatScanner scanner = new FormatScanner();

	private final GuardPipeline pipeline = GuardPipeline.builder().scanner(this.scanner).build();

	private List<String> codes(String text) {
		return this.scanner.scan(GuardText.of(text), ScanContext.input()).stream().map(Finding::code).toList();
	}

	@Test
	void ordinaryTextIsClean() {
		assertThat(codes("Hello!\n\tHow are you? \uD83D\uDE00 Grüße, привет, 你好")).isEmpty();
	}

	@Test
	void loneSurrogateIsInvalidUtf16AndBlocks() {
		assertThat(codes("abc\uD800def")).containsExactly(FormatScanner.INVALID_UTF16);
		assertThat(this.pipeline.scan("abc\uDC00").isBlocked()).isTrue();
	}

	@Test
	void fewControlCharactersAreRecordedNotBlocked() {
		Verdict verdict = this.pipeline.scan("ring\u0007 the bell");
		assertThat(verdict.decision()).isEqualTo(Decision.SANITIZE);
		assertThat(verdict.text()).isEqualTo("ring the bell");
		assertThat(verdict.reasonCodes()).containsExactly(FormatScanner.CONTROL_CHARACTERS);
	}

	@Test
	void ansiColouredLogIsNotBinary() {
		String log = "\u001B[31mERROR\u001B[0m connection refused\n".repeat(10);
		assertThat(codes(log)).containsExactly(FormatScanner.CONTROL_CHARACTERS);
	}

	@Test
	void binaryDecodedAsTextBlocks() {
		assertThat(codes("PK\u0003\u0004\u0014\u0000\u0000\u0000\b\u0000\uFFFD\uFFFDZ\uFFFD"))
			.contains(FormatScanner.BINARY_CONTENT);
		// UTF-16LE read as Latin-1: a NUL after every letter
		assertThat(codes("h\u0000e\u0000l\u0000l\u0000o\u0000")).contains(FormatScanner.BINARY_CONTENT);
		assertThat(this.pipeline.scan("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD data").isBlocked()).isTrue();
	}

	@Test
	void singleReplacementCharacterIsNotBinary() {
		assertThat(codes("caf\uFFFD au lait, then a long enough sentence follows here")).isEmpty();
	}

	@Test
	void longRunOfOneCharacterIsFlood() {
		assertThat(codes("a".repeat(1025))).containsExactly(FormatScanner.CHARACTER_FLOOD);
		assertThat(codes("hello " + " ".repeat(2000) + "world")).containsExactly(FormatScanner.CHARACTER_FLOOD);
	}

	@Test
	void repeatedShortUnitsAreFlood() {
		assertThat(codes("ha ".repeat(2000))).containsExactly(FormatScanner.CHARACTER_FLOOD);
		assertThat(codes("intro " + "repeat this sentence forever. ".repeat(200)))
			.containsExactly(FormatScanner.CHARACTER_FLOOD);
		assertThat(codes("ab".repeat(3000))).containsExactly(FormatScanner.CHARACTER_FLOOD);
	}

	@Test
	void rulersTablesAndCodeAreNotFlood() {
		String ruler = "=".repeat(120) + "\n" + "-".repeat(400) + "\n";
		StringBuilder table = new StringBuilder("| id | name | value |\n|---|---|---|\n");
		for (int i = 0; i < 300; i++) {
			table.append("| ")
				.append(i)
				.append(" | item")
				.append(i * 7)
				.append(" | ")
				.append(i * 31 % 97)
				.append(" |\n");
		}
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			code.append("    if (x").append(i).append(" > 0) {\n        total += x").append(i).append(";\n    }\n");
		}
		assertThat(codes(ruler + table + code)).isEmpty();
	}

	@Test
	void floodThresholdsAreConfigurable() {
		FormatScanner strict = new FormatScanner(new FormatLimits(10, 40, 8, 0.05));
		assertThat(strict.isFlood("x".repeat(11))).isTrue();
		assertThat(strict.isFlood("x".repeat(10))).isFalse();
		assertThat(strict.isFlood("abc".repeat(14))).isTrue();
		assertThat(strict.isFlood("abc".repeat(13))).isFalse();
	}

}
