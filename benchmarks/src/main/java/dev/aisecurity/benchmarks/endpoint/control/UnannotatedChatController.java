package dev.aisecurity.benchmarks.endpoint.control;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's {@code POST /api/chat} without {@code @AiGuarded}: the same
 * {@link ChatClient} (and so the same guard advisors and demo model), the same request
 * and answer shapes. {@code EndpointLoad --compare annotation} loads it into the sample
 * app beside the real endpoint, so that both run in one JVM behind the same Spring
 * Security filter chain and API key authentication, and the difference is what the
 * annotation adds.
 */
@RestController
public class UnannotatedChatController {

	/** Where the control endpoint answers. */
	public static final String PATH = "/benchmark/unannotated-chat";

	private final ChatClient chatClient;

	UnannotatedChatController(ChatClient chatClient) {
		this.chatClient = chatClient;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	public ChatReply chat(@RequestBody ChatRequest request) {
		if (request.message() == null || request.message().isBlank()) {
			throw new IllegalArgumentException("message is required");
		}
		return new ChatReply(this.chatClient.prompt().user(request.message()).call().content());
	}

	/**
	 * A chat request, as the sample's.
	 *
	 * @param message the user's message
	 */
	public record ChatRequest(String message) {

	}

	/**
	 * A chat answer, as the sample's.
	 *
	 * @param reply the model's reply
	 */
	public record ChatReply(String reply) {

	}

}
