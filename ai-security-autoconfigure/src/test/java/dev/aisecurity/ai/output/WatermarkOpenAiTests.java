package dev.aisecurity.ai.output;

import java.time.Duration;
import java.util.List;

import dev.aisecurity.ai.InputGuardAdvisor;
import dev.aisecurity.ai.WatermarkAdvisor;
import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.autoconfigure.output.OutputGuardAutoConfiguration;
import dev.aisecurity.autoconfigure.watermark.WatermarkAutoConfiguration;
import dev.aisecurity.guard.watermark.ResponseWatermark;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response watermark through the real Spring AI OpenAI client and a local server: off
 * by default; when on, calls and streams carry the principal's mark, the visible text is
 * unchanged, the output guard still runs on the unmarked answer, and the start-up fails
 * without a key.
 */
class WatermarkOpenAiTests {

	private static final String KEY = "watermark-openai-test-key-01";

	private static final String ANSWER = "The invoice was paid on 3 March. A copy was sent to the billing contact, "
			+ "and the next invoice is due at the end of the quarter as agreed in your contract.";

	private static final List<String> CANDIDATES = List.of("alice", "bob", "carol", "dave");

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.setDispatcher(new OpenAiStub((body) -> OutputGuardOpenAiTests.tokens(ANSWER, 4), 0));
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ApplicationContextRunner runner() {
		String baseUrl = this.server.url("/v1").toString().replaceAll("/$", "");
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class,
					OpenAiChatAutoConfiguration.class, ChatClientAutoConfiguration.class,
					AiSecurityAutoConfiguration.class, AiSecurityChatClientAutoConfiguration.class,
					OutputGuardAutoConfiguration.class, WatermarkAutoConfiguration.class))
			.withPropertyValues("spring.ai.openai.base-url=" + baseUrl, "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini", "spring.ai.retry.max-attempts=1");
	}

	private static String strip(String text) {
		return text.replace("\u200B", "").replace("\u200C", "").replace("\u2060", "");
	}

	@Test
	void offByDefault() {
		runner().run((context) -> {
			assertThat(context).doesNotHaveBean(WatermarkAdvisor.class);
			String content = context.getBean(ChatClient.Builder.class)
				.build()
				.prompt()
				.user("Invoice?")
				.call()
				.content();
			assertThat(content).isEqualTo(ANSWER);
		});
	}

	@Test
	void callsAndStreamsCarryThePrincipalsMark() {
		runner()
			.withPropertyValues("ai.security.watermark.enabled=true", "ai.security.watermark.key=" + KEY,
					"ai.security.watermark.interval=60")
			.run((context) -> {
				ChatClient client = context.getBean(ChatClient.Builder.class).build();
				ResponseWatermark watermark = context.getBean(ResponseWatermark.class);
				String call = client.prompt()
					.user("Invoice?")
					.advisors((advisors) -> advisors.param(InputGuardAdvisor.PRINCIPAL_CONTEXT_KEY, "carol"))
					.call()
					.content();
				assertThat(call).isNotEqualTo(ANSWER);
				assertThat(strip(call)).isEqualTo(ANSWER);
				assertThat(watermark.recover(call, CANDIDATES).principal()).isEqualTo("carol");
				String streamed = String.join("",
						client.prompt()
							.user("Invoice?")
							.advisors((advisors) -> advisors.param(InputGuardAdvisor.PRINCIPAL_CONTEXT_KEY, "bob"))
							.stream()
							.content()
							.collectList()
							.block(Duration.ofSeconds(20)));
				assertThat(strip(streamed)).isEqualTo(ANSWER);
				ResponseWatermark.Recovery recovery = watermark.recover(streamed, CANDIDATES);
				assertThat(recovery.marks()).isGreaterThan(1);
				assertThat(recovery.matches()).singleElement()
					.satisfies((match) -> assertThat(match.principal()).isEqualTo("bob"));
				// no principal: no mark
				assertThat(client.prompt().user("Invoice?").call().content()).isEqualTo(ANSWER);
			});
	}

	@Test
	void enabledWithoutAKeyFailsTheStartUp() {
		runner().withPropertyValues("ai.security.watermark.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ai.security.watermark.key");
		});
	}

}
