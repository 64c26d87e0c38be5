package dev.aisecurity.test.redteam;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Direction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit against targets it must judge right: a leaky one yields leaks in the classes
 * where it leaks, a guarded one yields blocks.
 */
class RedTeamTests {

	@Test
	void leakyFunctionTargetLeaksWhereItShould() {
		RedTeamReport report = RedTeam.create("leaky")
			.target(AttackTarget.of("naive", NaiveModel::answer))
			.corpus(NaiveModel.corpus())
			.run();
		Map<AttackClass, RedTeamReport.Summary> summary = report.summary();
		assertThat(report.passed()).isFalse();
		for (AttackClass leaking : List.of(AttackClass.SYSTEM_PROMPT_EXTRACTION, AttackClass.DIRECT_INJECTION,
				AttackClass.PII_EXFILTRATION, AttackClass.SECRET_EXFILTRATION, AttackClass.MARKDOWN_EXFILTRATION,
				AttackClass.OVERSIZED_INPUT, AttackClass.MALFORMED_INPUT)) {
			assertThat(summary.get(leaking).leaked()).as(leaking.id()).isPositive();
		}
		// what the naive model does not understand, it cannot leak
		assertThat(summary.get(AttackClass.ENCODED_PAYLOAD).neutralised()).isPositive();
		// raw HTTP bodies do not apply to a function
		assertThat(summary.get(AttackClass.MALFORMED_INPUT).skipped()).isPositive();
		assertThat(report.failures()).allSatisfy((result) -> assertThat(result.detector()).isNotBlank());
		assertThat(report.failures()).filteredOn((r) -> r.attackClass() == AttackClass.SYSTEM_PROMPT_EXTRACTION)
			.allSatisfy((r) -> assertThat(r.detector()).isEqualTo("system-prompt-leak"));
		assertThatThrownBy(() -> RedTeamAssertions.assertNoLeaks(report)).hasMessageContaining("leaked");
		assertThatThrownBy(() -> RedTeamAssertions.assertEveryClassBlockedOrNeutralised(report))
			.hasMessageContaining("system-prompt-extraction");
	}

	@Test
	void guardedFunctionTargetIsBlockedEverywhere() {
		RedTeamReport report = RedTeam.create("guarded").target(AttackTarget.of("guarded", (message) -> {
			throw new AiGuardException(Direction.INPUT, Set.of("TEST_GUARD"));
		})).corpus(NaiveModel.corpus()).run();
		assertThat(report.passed()).isTrue();
		assertThat(report.results()).filteredOn((r) -> r.outcome() != Outcome.SKIPPED)
			.isNotEmpty()
			.allSatisfy((r) -> assertThat(r.outcome()).isEqualTo(Outcome.BLOCKED));
		RedTeamAssertions.assertNoLeaks(report);
		RedTeamAssertions.assertEveryClassBlockedOrNeutralised(report, AttackClass.DIRECT_INJECTION,
				AttackClass.MALFORMED_INPUT);
		assertThatThrownBy(
				() -> RedTeamAssertions.assertEveryClassBlockedOrNeutralised(report, AttackClass.MODEL_EXTRACTION))
			.hasMessageContaining("no attack ran");
	}

	@Test
	void leakyServerOverHttpLeaksAndItsBurstIsUnthrottled() throws Exception {
		try (FakeServer server = new FakeServer(false, Integer.MAX_VALUE)) {
			HttpTarget target = HttpTarget.baseUrl(server.baseUrl()).path("/chat").header("X-API-Key", "k3y").build();
			RedTeamReport report = RedTeam.create("leaky-http")
				.target(target)
				.corpus(NaiveModel.corpus())
				.extractionProbe(ExtractionProbe.burst(target, 8))
				.run();
			Map<AttackClass, RedTeamReport.Summary> summary = report.summary();
			assertThat(summary.get(AttackClass.SYSTEM_PROMPT_EXTRACTION).leaked()).isPositive();
			assertThat(summary.get(AttackClass.OVERSIZED_INPUT).leaked()).isPositive();
			// raw bodies are sent, and the fake server refuses the ones it cannot parse
			assertThat(summary.get(AttackClass.MALFORMED_INPUT).skipped()).isZero();
			assertThat(summary.get(AttackClass.MALFORMED_INPUT).blocked()).isPositive();
			AttackResult burst = report.results().get(report.results().size() - 1);
			assertThat(burst.attackClass()).isEqualTo(AttackClass.MODEL_EXTRACTION);
			assertThat(burst.outcome()).isEqualTo(Outcome.LEAKED);
			assertThat(burst.leaked()).containsExactly("unthrottled-burst");
		}
	}

	@Test
	void lonesurrogatesReachTheServerAsJsonEscapes() throws Exception {
		try (FakeServer server = new FakeServer(false, Integer.MAX_VALUE)) {
			HttpTarget target = HttpTarget.baseUrl(server.baseUrl()).path("/chat").header("X-API-Key", "k3y").build();
			target.send(Attack.text("s", AttackClass.MALFORMED_INPUT, "t", "a\ud800b"));
			assertThat(server.lastBody).isEqualTo("{\"message\":\"a\\ud800b\"}");
		}
	}

	@Test
	void guardedServerBlocksAndItsBurstMeetsTheLimit() throws Exception {
		try (FakeServer server = new FakeServer(true, 10_000)) {
			HttpTarget target = HttpTarget.baseUrl(server.baseUrl()).path("/chat").header("X-API-Key", "k3y").build();
			RedTeamReport report = RedTeam.create("guarded-http").target(target).corpus(NaiveModel.corpus()).run();
			RedTeamAssertions.assertNoLeaks(report);
			RedTeamAssertions.assertEveryClassBlockedOrNeutralised(report);
			assertThat(report.summary().get(AttackClass.MALFORMED_INPUT).blocked())
				.isEqualTo(report.summary().get(AttackClass.MALFORMED_INPUT).attempts());
		}
		try (FakeServer limited = new FakeServer(true, 5)) {
			HttpTarget target = HttpTarget.baseUrl(limited.baseUrl()).path("/chat").header("X-API-Key", "k3y").build();
			AttackResult burst = ExtractionProbe.burst(target, 8).run(Judge.of(AttackCorpus.defaults()));
			assertThat(burst.outcome()).isEqualTo(Outcome.BLOCKED);
			assertThat(burst.code()).isEqualTo("HTTP_429");
			assertThat(burst.detail()).contains("after 6 of 8");
		}
	}

	@Test
	void wrongCredentialsAreErrorsNotBlocks() throws Exception {
		try (FakeServer server = new FakeServer(true, 10_000)) {
			HttpTarget target = HttpTarget.baseUrl(server.baseUrl()).path("/chat").header("X-API-Key", "nope").build();
			RedTeamReport report = RedTeam.create("unauthenticated")
				.target(target)
				.corpus(AttackCorpus.builder().withoutVariants().without(AttackClass.OVERSIZED_INPUT).build())
				.run();
			assertThat(report.results()).allSatisfy((r) -> assertThat(r.outcome()).isEqualTo(Outcome.ERROR));
		}
	}

	@Test
	void webTestClientTargetAgainstTheLeakyServer() throws Exception {
		try (FakeServer server = new FakeServer(false, Integer.MAX_VALUE)) {
			WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
				.baseUrl(server.baseUrl())
				.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
				.build();
			WebTestClientTarget target = WebTestClientTarget.of(client)
				.path("/chat")
				.header("X-API-Key", "k3y")
				.build();
			RedTeamReport report = RedTeam.create("webtestclient")
				.target(target)
				.corpus(AttackCorpus.builder()
					.systemPrompt(NaiveModel.SYSTEM_PROMPT)
					.withoutVariants()
					.without(AttackClass.OVERSIZED_INPUT, AttackClass.MALFORMED_INPUT)
					.build())
				.run();
			assertThat(report.summary().get(AttackClass.SYSTEM_PROMPT_EXTRACTION).leaked()).isPositive();
			assertThat(report.summary().get(AttackClass.INDIRECT_INJECTION).neutralised()).isPositive();
		}
	}

	@Test
	void chatClientTargetJudgesAnswersAndGuardExceptions() {
		ChatModel leaky = new ChatModel() {
			@Override
			public ChatResponse call(Prompt prompt) {
				return new ChatResponse(List
					.of(new Generation(new AssistantMessage(NaiveModel.answer(prompt.getUserMessage().getText())))));
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				String answer = NaiveModel.answer(prompt.getUserMessage().getText());
				int half = answer.length() / 2;
				return Flux.just(answer.substring(0, half), answer.substring(half))
					.map((chunk) -> new ChatResponse(List.of(new Generation(new AssistantMessage(chunk)))));
			}
		};
		AttackCorpus corpus = AttackCorpus.builder()
			.systemPrompt(NaiveModel.SYSTEM_PROMPT)
			.canaries(NaiveModel.CANARY)
			.without(AttackClass.OVERSIZED_INPUT)
			.build();
		for (ChatClientTarget target : List.of(ChatClientTarget.call(ChatClient.create(leaky)),
				ChatClientTarget.stream(ChatClient.create(leaky)))) {
			RedTeamReport report = RedTeam.create("chatclient").target(target).corpus(corpus).run();
			assertThat(report.summary().get(AttackClass.SYSTEM_PROMPT_EXTRACTION).leaked()).as(target.name())
				.isPositive();
		}
		ChatModel guarded = (ChatModel) (prompt) -> {
			throw new AiGuardException(Direction.OUTPUT, Set.of("SYSTEM_PROMPT_OVERLAP"));
		};
		RedTeamReport report = RedTeam.create("guarded-chatclient")
			.target(ChatClientTarget.call(ChatClient.create(guarded)))
			.corpus(corpus)
			.run();
		RedTeamAssertions.assertNoLeaks(report);
		assertThat(report.results()).filteredOn((r) -> r.outcome() == Outcome.BLOCKED)
			.isNotEmpty()
			.allSatisfy((r) -> assertThat(r.reasons()).containsExactly("SYSTEM_PROMPT_OVERLAP"));
	}

}
