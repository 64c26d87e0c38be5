package dev.aisecurity.vault.provider;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.vault.testsupport.FakeVaultServer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Provider key rotation end to end: Spring Cloud Vault config data reads the key at
 * start-up from the (fake) Vault, the real Spring AI OpenAI client calls a local server
 * speaking the OpenAI API, and after the key is changed in Vault the next call carries
 * the new key, without a restart.
 */
class ProviderKeyRotationTests {

	private static final String OLD_KEY = "sk-test-rotation-old-000000000001";

	private static final String NEW_KEY = "sk-test-rotation-new-000000000002";

	private final FakeVaultServer vault = FakeVaultServer.start("root-token");

	private final MockWebServer openAi = new MockWebServer();

	private ConfigurableApplicationContext context;

	@BeforeEach
	void setUp() throws IOException {
		this.vault.putSecret("rotation-test", Map.of("spring.ai.openai.api-key", OLD_KEY));
		this.openAi.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(200)
					.headers(Headers.of("Content-Type", "application/json"))
					.body(chatCompletion("Hello from the fake model"))
					.build();
			}
		});
		this.openAi.start();
	}

	@AfterEach
	void tearDown() {
		if (this.context != null) {
			this.context.close();
		}
		this.openAi.close();
		this.vault.close();
	}

	private ConfigurableApplicationContext start(String refreshInterval) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.application.name=rotation-test", "--spring.config.import=vault://",
					"--spring.cloud.vault.uri=" + this.vault.uri(), "--spring.cloud.vault.token=root-token",
					"--spring.cloud.vault.kv.backend=secret",
					"--spring.ai.openai.base-url=http://127.0.0.1:" + this.openAi.getPort() + "/v1",
					"--spring.ai.openai.chat.options.model=gpt-test", "--spring.ai.openai.max-retries=0",
					"--ai.security.vault.provider-keys.path=rotation-test",
					"--ai.security.vault.provider-keys.refresh-interval=" + refreshInterval);
	}

	@Test
	void nextModelCallCarriesTheRotatedKey() throws InterruptedException {
		this.context = start("1h");
		ChatModel chatModel = this.context.getBean(ChatModel.class);
		// the key came from Vault through config data
		assertThat(this.context.getEnvironment().getProperty("spring.ai.openai.api-key")).isEqualTo(OLD_KEY);

		assertThat(chatModel.call("hi")).isEqualTo("Hello from the fake model");
		assertThat(authorization()).isEqualTo("Bearer " + OLD_KEY);

		this.vault.putSecret("rotation-test", Map.of("spring.ai.openai.api-key", NEW_KEY));
		assertThat(this.context.getBean(VaultProviderKeys.class).refresh()).isTrue();

		chatModel.call("hi again");
		assertThat(authorization()).isEqualTo("Bearer " + NEW_KEY);
		assertThat(this.context.getBean(VaultProviderKeys.class).version()).isEqualTo(2);
	}

	@Test
	void scheduledRefreshPicksUpTheRotation() throws InterruptedException {
		this.context = start("100ms");
		ChatModel chatModel = this.context.getBean(ChatModel.class);
		chatModel.call("hi");
		assertThat(authorization()).isEqualTo("Bearer " + OLD_KEY);

		this.vault.putSecret("rotation-test", Map.of("spring.ai.openai.api-key", NEW_KEY));
		VaultProviderKeys keys = this.context.getBean(VaultProviderKeys.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> keys.version() == 2);

		chatModel.call("hi again");
		assertThat(authorization()).isEqualTo("Bearer " + NEW_KEY);
	}

	@Test
	void vaultOutageKeepsTheLastGoodKey() throws InterruptedException {
		this.context = start("1h");
		ChatModel chatModel = this.context.getBean(ChatModel.class);
		this.vault.setSealed(true);
		assertThat(this.context.getBean(VaultProviderKeys.class).refresh()).isFalse();
		chatModel.call("hi");
		assertThat(authorization()).isEqualTo("Bearer " + OLD_KEY);
	}

	private String authorization() throws InterruptedException {
		RecordedRequest request = this.openAi.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
		return request.getHeaders().get("Authorization");
	}

	private static String chatCompletion(String content) {
		return """
				{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-test",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},
				   "logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}}
				""".formatted(content);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
