package dev.aisecurity.benchmarks.endpoint.control;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link UnannotatedChatController} in the sample app. Not listed in this
 * jar's auto-configuration imports (it must never load in the benchmarks' own contexts):
 * {@code EndpointLoad} writes the imports file next to the copied classes it puts on the
 * sample's {@code loader.path}.
 */
@AutoConfiguration
public class UnannotatedChatConfiguration {

	@Bean
	UnannotatedChatController unannotatedChatController(ChatClient chatClient) {
		return new UnannotatedChatController(chatClient);
	}

}
