package dev.aisecurity.guard.watermark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response watermark: invisible, recoverable among many candidates, the same whether
 * an answer is marked whole or chunk by chunk, gone after normalisation, and harmless to
 * our own guards.
 */
class ResponseWatermarkTests {

	private static final String KEY = "watermark-test-key-0123456789";

	private static final String ANSWER = "Your refund of 42 euros was issued on Monday. It should reach your account "
			+ "within five working days; if it does not, reply to this message and quote reference R-1182. "
			+ "Refunds to cards can take a little longer than transfers, depending on the issuing bank. ".repeat(4);

	private final ResponseWatermark watermark = new ResponseWatermark(KEY, 120, 8);

	private static List<String> principals(int count) {
		List<String> principals = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			principals.add("user-" + i + "@example.com");
		}
		return principals;
	}

	private static String strip(String text) {
		return text.replace("\u200B", "").replace("\u200C", "").replace("\u2060", "");
	}

	@Test
	void markIsInvisibleAndNamesThePrincipalAmongManyCandidates() {
		String marked = this.watermark.embed(ANSWER, "user-417@example.com");
		assertThat(marked).isNotEqualTo(ANSWER);
		assertThat(strip(marked)).isEqualTo(ANSWER);
		ResponseWatermark.Recovery recovery = this.watermark.recover(marked, principals(5000));
		assertThat(recovery.marks()).isBetween(2, 8);
		assertThat(recovery.principal()).isEqualTo("user-417@example.com");
		assertThat(recovery.matches()).singleElement()
			.satisfies((match) -> assertThat(match.marks()).isEqualTo(recovery.marks()));
	}

	@Test
	void anExcerptWithOneMarkIsEnough() {
		String marked = this.watermark.embed(ANSWER, "user-9@example.com");
		int second = marked.indexOf(ResponseWatermark.START, marked.indexOf(ResponseWatermark.START) + 34);
		String excerpt = marked.substring(second - 20, second + 60);
		assertThat(this.watermark.recover(excerpt, principals(100)).principal()).isEqualTo("user-9@example.com");
	}

	@Test
	void streamedChunksAreMarkedLikeTheWholeAnswer() {
		Random random = new Random(7);
		String whole = this.watermark.embed(ANSWER, "user-3@example.com");
		for (int run = 0; run < 50; run++) {
			ResponseWatermark.Session session = this.watermark.open("user-3@example.com");
			StringBuilder streamed = new StringBuilder();
			for (int i = 0; i < ANSWER.length();) {
				int end = Math.min(ANSWER.length(), i + 1 + random.nextInt(12));
				streamed.append(session.apply(ANSWER.substring(i, end)));
				i = end;
			}
			assertThat(streamed.toString()).isEqualTo(whole);
		}
	}

	@Test
	void anotherKeyOrNormalisedTextRecoversNobody() {
		String marked = this.watermark.embed(ANSWER, "user-1@example.com");
		ResponseWatermark other = new ResponseWatermark("another-key-0123456789abc", 120, 8);
		assertThat(other.recover(marked, principals(1000)).matches()).isEmpty();
		assertThat(this.watermark.recover(strip(marked), principals(1000)).marks()).isZero();
		assertThat(this.watermark.recover(ANSWER, principals(10)).principal()).isNull();
	}

	@Test
	void textWithoutWhitespaceIsLeftAlone() {
		assertThat(this.watermark.embed("OK", "user-1@example.com")).isEqualTo("OK");
		assertThat(this.watermark.embed("", "user-1@example.com")).isEmpty();
	}

	@Test
	void ourOwnGuardsAcceptMarkedText() {
		String marked = this.watermark.embed(ANSWER, "user-5@example.com");
		Verdict output = GuardPipelines.defaultOutput().scan(marked);
		assertThat(output.decision()).isNotEqualTo(Decision.BLOCK);
		// pasted back as a prompt: not refused, and the model gets it without the marks
		Verdict input = GuardPipelines.defaultInput().scan(marked);
		assertThat(input.decision()).isNotEqualTo(Decision.BLOCK);
		assertThat(input.text()).doesNotContain("\u200B").doesNotContain("\u2060");
	}

	@Test
	void commandLineToolNamesThePrincipal(@TempDir Path dir) throws Exception {
		Path candidates = Files.write(dir.resolve("principals.txt"), principals(200));
		String marked = this.watermark.embed(ANSWER, "user-150@example.com");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = WatermarkTool.run(new String[] { candidates.toString() }, Map.of(WatermarkTool.KEY_VARIABLE, KEY),
				new ByteArrayInputStream(marked.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("match: user-150@example.com");
		int none = WatermarkTool.run(new String[] { candidates.toString() }, Map.of(WatermarkTool.KEY_VARIABLE, KEY),
				new ByteArrayInputStream(ANSWER.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(none).isEqualTo(1);
		assertThat(WatermarkTool.run(new String[0], Map.of(), new ByteArrayInputStream(new byte[0]),
				new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
	}

}
