package dev.aisecurity.sample;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo model (unless a provider profile supplies a real one) and the ChatClient,
 * built from the auto-configured builder so that the AI security advisors are on it.
 */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "sample.demo-model", matchIfMissing = true)
	ChatModel demoChatModel() {
		return new DemoChatModel();
	}

	@Bean
	ChatClient chatClient(ChatClient.Builder builder, SampleProperties properties) {
		return builder.defaultSystem(properties.getSystemPrompt()).build();
	}

}
