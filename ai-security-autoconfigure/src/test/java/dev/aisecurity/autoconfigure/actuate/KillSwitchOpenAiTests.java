package dev.aisecurity.autoconfigure.actuate;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.aisecurity.actuate.KillSwitch;
import dev.aisecurity.actuate.KillSwitchEngagedException;
import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kill switch in front of the real Spring AI OpenAI client talking to a local server
 * speaking the chat-completions API: while engaged, no HTTP request leaves the
 * application, through the ChatClient or the model bean.
 */
class KillSwitchOpenAiTests {

	private MockWebServer server;

	private final AtomicInteger requests = new AtomicInteger();

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				KillSwitchOpenAiTests.this.requests.incrementAndGet();
				return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
						{"id":"chatcmpl-ks","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
						 "choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}],
						 "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
						""").build();
			}
		});
		this.server.start(0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void noRequestReachesTheProviderWhileEngaged() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(OpenAiChatAutoConfiguration.class, ToolCallingAutoConfiguration.class,
							ChatClientAutoConfiguration.class, AiSecurityAutoConfiguration.class,
							AiSecurityChatClientAutoConfiguration.class, KillSwitchAutoConfiguration.class))
			.withPropertyValues("spring.ai.openai.base-url=" + this.server.url("/v1"), "spring.ai.openai.api-key=test",
					"spring.ai.openai.chat.options.model=gpt-4o-mini", "spring.ai.retry.max-attempts=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KillSwitch killSwitch = context.getBean(KillSwitch.class);
				ChatClient client = context.getBean(ChatClient.Builder.class).build();
				assertThat(client.prompt().user("ping").call().content()).isEqualTo("pong");
				assertThat(this.requests).hasValue(1);

				killSwitch.set(true, "test");
				assertThatExceptionOfType(KillSwitchEngagedException.class)
					.isThrownBy(() -> client.prompt().user("ping").call().content());
				ChatModel model = context.getBean(ChatModel.class);
				assertThatExceptionOfType(KillSwitchEngagedException.class)
					.isThrownBy(() -> model.call(new Prompt("ping")));
				assertThat(this.requests).hasValue(1);

				killSwitch.set(false, "test");
				assertThat(client.prompt().user("ping").call().content()).isEqualTo("pong");
				assertThat(this.requests).hasValue(2);
			});
	}

}
