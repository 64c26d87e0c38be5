package dev.aisecurity.sample;

import java.util.List;
import java.util.stream.Stream;

import dev.aisecurity.test.redteam.AiRedTeam;
import dev.aisecurity.test.redteam.AttackClass;
import dev.aisecurity.test.redteam.AttackCorpus;
import dev.aisecurity.test.redteam.AttackResult;
import dev.aisecurity.test.redteam.ChatClientTarget;
import dev.aisecurity.test.redteam.ExtractionProbe;
import dev.aisecurity.test.redteam.HttpTarget;
import dev.aisecurity.test.redteam.MockMvcTarget;
import dev.aisecurity.test.redteam.Outcome;
import dev.aisecurity.test.redteam.RedTeam;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red-team kit against the running sample: the whole attack corpus goes to the chat
 * endpoint over HTTP, and parts of it without the obfuscation variants to the streaming
 * endpoint through MockMvc and to the application's ChatClient in-process; the HTTP calls
 * use the demo pro key (its limits raised here, so that no attack is merely
 * rate-limited), and a burst of templated queries with the demo free key (5 requests a
 * minute) must meet the rate limit or the extraction detector. Every attack must be
 * blocked or neutralised; the report goes to
 * {@code sample-app/target/ai-redteam/report.json} and {@code report.html}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ai.security.rate-limit.tiers.pro.requests-per-minute=100000",
				"ai.security.rate-limit.tiers.pro.requests-per-day=1000000",
				"ai.security.rate-limit.tiers.pro.tokens-per-minute=100000000",
				"ai.security.rate-limit.tiers.pro.tokens-per-day=1000000000" })
@AutoConfigureMockMvc
@AiRedTeam
class SampleRedTeamTests {

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private SampleProperties sample;

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ChatClient chatClient;

	@TestFactory
	Stream<DynamicNode> chat(RedTeam redTeam) {
		return redTeam.target(target("/api/chat", "demo-pro-key"))
			.corpus(corpus().build())
			.extractionProbe(ExtractionProbe.burst(target("/api/chat", "demo-free-key"), 8))
			.dynamicTests();
	}

	@TestFactory
	Stream<DynamicNode> stream(RedTeam redTeam) {
		// through MockMvc, without the generated variants and input-only classes: the
		// streamed answer is what differs here, not the input guard
		MockMvcTarget target = MockMvcTarget.of(this.mockMvc)
			.path("/api/chat/stream")
			.header("X-API-Key", "demo-pro-key")
			.build();
		return Stream.concat(
				redTeam.target(target)
					.corpus(corpus().withoutVariants()
						.without(AttackClass.DIRECT_INJECTION, AttackClass.JAILBREAK, AttackClass.OVERSIZED_INPUT)
						.build())
					.dynamicTests(),
				Stream.of(DynamicTest.dynamicTest("streamed answers arrived", () -> answersArrived(redTeam, target))));
	}

	@TestFactory
	Stream<DynamicNode> chatClient(RedTeam redTeam) {
		// in-process, through the ChatClient's advisors (no web layer): the classes whose
		// answer the output guard must fix, and the malformed texts the input guard
		// refuses
		return redTeam.target(ChatClientTarget.call(this.chatClient))
			.corpus(corpus().withoutVariants()
				.without(AttackClass.DIRECT_INJECTION, AttackClass.JAILBREAK, AttackClass.INDIRECT_INJECTION,
						AttackClass.ENCODED_PAYLOAD, AttackClass.OVERSIZED_INPUT)
				.build())
			.dynamicTests();
	}

	/**
	 * An empty answer leaks nothing: make sure the neutralised streamed answers had
	 * content.
	 */
	private static void answersArrived(RedTeam redTeam, MockMvcTarget target) {
		List<AttackResult> neutralised = redTeam.report()
			.results()
			.stream()
			.filter((result) -> result.target().equals(target.name()) && result.outcome() == Outcome.NEUTRALISED)
			.toList();
		assertThat(neutralised).hasSizeGreaterThan(10)
			.allSatisfy((result) -> assertThat(result.answerLength()).as(result.attackId()).isPositive());
		assertThat(neutralised)
			.anySatisfy((result) -> assertThat(result.attackClass()).isEqualTo(AttackClass.PII_EXFILTRATION));
	}

	private AttackCorpus.Builder corpus() {
		return AttackCorpus.builder().systemPrompt(this.sample.getSystemPrompt()).canaries("ORCHID-4471");
	}

	private HttpTarget target(String path, String apiKey) {
		return HttpTarget.baseUrl("http://localhost:" + this.port).path(path).header("X-API-Key", apiKey).build();
	}

}
