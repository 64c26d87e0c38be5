package dev.aisecurity.ratelimit;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBudgetChatModelTests {

	private static final Tier TIER = new Tier("t", 1000, 1000, 100, 1000, 0);

	private final Resilience4jRateLimitStore store = new Resilience4jRateLimitStore(1000);

	private final TokenBudgetChatModel model = new TokenBudgetChatModel(new UsageReportingModel(),
			new TieredRateLimiter(this.store));

	@Test
	void callsOutsideAGuardedRequestAreNotDebited() {
		this.model.call(new Prompt("q"));
		assertThat(tokensLeft("k")).isEqualTo(100);
	}

	@Test
	void callsInAGuardedRequestAreDebitedTheReportedTotal() {
		RateLimitSubject subject = new RateLimitSubject("k", "alice", TIER);
		try (RateLimitSubject.Scope scope = subject.open()) {
			assertThat(this.model.call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("answer");
		}
		assertThat(tokensLeft("k")).isEqualTo(20);
		assertThat(RateLimitSubject.current()).isEmpty();
	}

	@Test
	void streamsAreDebitedTheLargestReportedTotalOnceTheyEnd() {
		RateLimitSubject subject = new RateLimitSubject("s", "alice", TIER);
		List<ChatResponse> chunks = this.model.stream(new Prompt("q"))
			.contextWrite((context) -> context.put(RateLimitSubject.CONTEXT_KEY, subject))
			.collectList()
			.block();
		assertThat(chunks).hasSize(3);
		assertThat(tokensLeft("s")).isEqualTo(20);
	}

	@Test
	void streamsOutsideAGuardedRequestAreNotDebited() {
		assertThat(this.model.stream(new Prompt("q")).collectList().block()).hasSize(3);
		assertThat(tokensLeft("s")).isEqualTo(100);
	}

	private long tokensLeft(String key) {
		Limit perMinute = TIER.tokenLimits()
			.stream()
			.filter((limit) -> limit.name().equals(Tier.TOKENS_MINUTE))
			.findFirst()
			.orElseThrow();
		return this.store.probe(key, perMinute).remaining();
	}

	/** Reports 80 tokens per call; a stream reports a running total, 80 at the end. */
	static final class UsageReportingModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
			return response("answer", 80);
		}

		@Override
		public Flux<ChatResponse> stream(Prompt prompt) {
			return Flux.just(response("an", 0), response("sw", 40), response("er", 80));
		}

		private static ChatResponse response(String text, int total) {
			ChatResponseMetadata metadata = (total > 0)
					? ChatResponseMetadata.builder().usage(new DefaultUsage(total / 2, total - total / 2)).build()
					: ChatResponseMetadata.builder().build();
			return new ChatResponse(List.of(new Generation(new AssistantMessage(text))), metadata);
		}

	}

}
