package dev.aisecurity.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import dev.aisecurity.ratelimit.RateLimitEvent;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small application with guarded endpoints, users for the browser flow and a model that
 * reports token usage.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class GuardedTestApplication {

	/** Tokens the test model reports per call (prompt 30 + completion 50). */
	static final int TOKENS_PER_CALL = 80;

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice-password").roles("USER", "ADMIN").build(),
				User.withUsername("bob").password("{noop}bob-password").roles("USER").build());
	}

	@Bean
	OttCapture ottCapture() {
		return new OttCapture();
	}

	@Bean
	OneTimeTokenGenerationSuccessHandler ottHandler(OttCapture capture) {
		return (request, response, token) -> {
			capture.token.set(token.getTokenValue());
			response.setStatus(204);
		};
	}

	@Bean
	EventRecorder eventRecorder() {
		return new EventRecorder();
	}

	@Bean
	ChatModel usageReportingModel() {
		return new ChatModel() {
			@Override
			public ChatResponse call(Prompt prompt) {
				return new ChatResponse(List.of(new Generation(new AssistantMessage("answer"))),
						ChatResponseMetadata.builder().usage(new DefaultUsage(30, 50)).build());
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				return Flux.just(new ChatResponse(List.of(new Generation(new AssistantMessage("ans")))),
						new ChatResponse(List.of(new Generation(new AssistantMessage("wer"))),
								ChatResponseMetadata.builder().usage(new DefaultUsage(30, 50)).build()));
			}
		};
	}

	@Bean
	ChatClient testChatClient(@Qualifier("usageReportingModel") ChatModel model) {
		// not the auto-configured builder: the token budget is debited by the model
		// bean's
		// decorator all the same
		return ChatClient.builder(model).build();
	}

	/** Captures one-time tokens instead of mailing them. */
	static class OttCapture {

		final AtomicReference<String> token = new AtomicReference<>();

	}

	/** Records the events the edge publishes. */
	static class EventRecorder {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void decision(AiGuardedDecisionEvent event) {
			this.events.add(event);
		}

		@EventListener
		void rateLimit(RateLimitEvent event) {
			this.events.add(event);
		}

		@EventListener
		void audit(AuditApplicationEvent event) {
			this.events.add(event);
		}

	}

	@RestController
	static class GuardedController {

		private final ChatClient chatClient;

		GuardedController(ChatClient chatClient) {
			this.chatClient = chatClient;
		}

		@AiGuarded
		@PostMapping("/api/chat")
		String chat(@RequestBody String body) {
			return "ok";
		}

		@AiGuarded(roles = "ADMIN", mfa = true)
		@GetMapping("/api/admin")
		String admin() {
			return "admin";
		}

		@AiGuarded(allowAnonymous = true, bucket = "public")
		@GetMapping("/api/public")
		String publicEndpoint() {
			return "public";
		}

		@AiGuarded(maxInputBytes = 100, bucket = "small")
		@PostMapping("/api/small")
		String small(@RequestBody String body) {
			return "small";
		}

		@AiGuarded(tier = "tiny", bucket = "model")
		@PostMapping("/api/model")
		String model(@RequestBody String body) {
			return this.chatClient.prompt().user("hello").call().content();
		}

		@AiGuarded(tier = "tiny", bucket = "model-stream")
		@PostMapping("/api/model/stream")
		Flux<String> modelStream(@RequestBody String body) {
			return this.chatClient.prompt().user("hello").stream().content();
		}

		@GetMapping("/plain")
		String plain() {
			return "plain";
		}

	}

}
