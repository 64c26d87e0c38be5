package dev.aisecurity.sample;

import dev.aisecurity.web.AiGuarded;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat API: one answer, or the answer streamed as server-sent events. Both need an
 * API key (or a login) and count against the caller's tier.
 */
@RestController
@AiGuarded(bucket = "chat")
@RequestMapping("/api/chat")
public class ChatController {

	private final ChatClient chatClient;

	public ChatController(ChatClient chatClient) {
		this.chatClient = chatClient;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	public ChatReply chat(@RequestBody ChatRequest request) {
		return new ChatReply(this.chatClient.prompt().user(request.requireMessage()).call().content());
	}

	@PostMapping(path = "/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<String>> stream(@RequestBody ChatRequest request) {
		return this.chatClient.prompt()
			.user(request.requireMessage())
			.stream()
			.content()
			.map((chunk) -> ServerSentEvent.builder(chunk).build());
	}

	/**
	 * A chat request.
	 *
	 * @param message the user's message
	 */
	public record ChatRequest(String message) {

		String requireMessage() {
			if (this.message == null || this.message.isBlank()) {
				throw new InvalidChatRequestException();
			}
			return this.message;
		}

	}

	/**
	 * A chat answer.
	 *
	 * @param reply the model's reply
	 */
	public record ChatReply(String reply) {

	}

}
