package dev.aisecurity.ai;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.autoconfigure.pii.PiiAutoConfiguration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
 * Reversible tokenisation through the real Spring AI OpenAI client against a local server
 * speaking the OpenAI chat completions API: the server never receives the e-mail address,
 * the caller gets it back in the reply.
 */
class PiiTokenizationRoundTripTests {

	private static final String EMAIL = "jane.doe@example.com";

	private static final String PROMPT = "Draft a short note to " + EMAIL + " about card 4111 1111 1111 1111.";

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class,
					OpenAiChatAutoConfiguration.class, ChatClientAutoConfiguration.class, PiiAutoConfiguration.class))
			.withPropertyValues("spring.ai.openai.base-url=http://localhost:" + this.server.getPort() + "/v1",
					"spring.ai.openai.api-key=test-key", "spring.ai.openai.chat.options.model=gpt-4o-mini",
					"ai.security.detectors.pii.tokenization.enabled=true");
	}

	@Test
	void callIsTokenizedAndRestored() {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body(completion("Sure: Dear <EMAIL_ADDRESS_1>, your card <CREDIT_CARD_1> is noted."))
			.build());
		runner().run((context) -> {
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			String reply = client.prompt().user(PROMPT).call().content();
			assertThat(reply).isEqualTo("Sure: Dear " + EMAIL + ", your card 4111 1111 1111 1111 is noted.");
			String sent = requestBody();
			assertThat(sent).doesNotContain(EMAIL)
				.doesNotContain("4111 1111")
				.contains("EMAIL_ADDRESS_1")
				.contains("CREDIT_CARD_1");
		});
	}

	@Test
	void streamIsTokenizedAndRestoredAcrossChunks() {
		StringBuilder sse = new StringBuilder();
		for (String piece : List.of("Dear <EMAIL", "_ADDR", "ESS_1>, thanks", " for <", "CREDIT_CARD_1>.")) {
			sse.append("data: ").append(chunk(piece, null)).append("\n\n");
		}
		sse.append("data: ").append(chunk("", "stop")).append("\n\n").append("data: [DONE]\n\n");
		this.server.enqueue(
				new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(sse.toString()).build());
		runner().run((context) -> {
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			List<String> chunks = client.prompt().user(PROMPT).stream().content().collectList().block();
			assertThat(String.join("", chunks)).isEqualTo("Dear " + EMAIL + ", thanks for 4111 1111 1111 1111.");
			assertThat(chunks).noneMatch((c) -> c.contains("<EMAIL") || c.contains("ADDRESS_1>"));
			assertThat(requestBody()).doesNotContain(EMAIL).contains("EMAIL_ADDRESS_1");
		});
	}

	@Test
	void promptWithoutPiiPassesUnchanged() {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.body(completion("4 < 5 and <b>bold</b>"))
			.build());
		runner().run((context) -> {
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			assertThat(client.prompt().user("Is 4 less than 5?").call().content()).isEqualTo("4 < 5 and <b>bold</b>");
			assertThat(requestBody()).contains("Is 4 less than 5?");
		});
	}

	private String requestBody() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request.getBody().utf8();
	}

	private static String completion(String content) {
		return """
				{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
				 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":10,"completion_tokens":10,"total_tokens":20}}
				""".formatted(json(content));
	}

	private static String chunk(String content, String finishReason) {
		return ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
				+ "\"content\":%s},\"finish_reason\":%s}]}")
			.formatted(json(content), (finishReason != null) ? json(finishReason) : "null");
	}

	private static String json(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
