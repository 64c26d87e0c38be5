package dev.aisecurity.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * Debits the tokens a model reports ({@code ChatResponse.getMetadata().getUsage()}) from
 * the token budgets of the current {@link RateLimitSubject}. The budget was pre-checked
 * before the call (by the {@code @AiGuarded} interceptor); this debits what was actually
 * used. For streams it keeps the largest total seen (providers report usage in the last
 * chunk) and debits when the stream ends, however it ends. Calls made outside an
 * {@code @AiGuarded} request pass through untouched.
 */
public final class TokenBudgetAdvisor implements CallAdvisor, StreamAdvisor {

	/** Runs early so that it sees the final response after every other advisor. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final TieredRateLimiter limiter;

	/**
	 * Create the advisor.
	 * @param limiter the limiter whose token budgets are debited
	 */
	public TokenBudgetAdvisor(TieredRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		RateLimitSubject subject = RateLimitSubject.current().orElse(null);
		ChatClientResponse response = chain.nextCall(request);
		if (subject != null) {
			this.limiter.debitTokens(subject.key(), subject.tier(), totalTokens(response));
		}
		return response;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		RateLimitSubject onThread = RateLimitSubject.current().orElse(null);
		return Flux.deferContextual((context) -> {
			RateLimitSubject subject = context.<RateLimitSubject>getOrEmpty(RateLimitSubject.CONTEXT_KEY)
				.orElse(onThread);
			if (subject == null) {
				return chain.nextStream(request);
			}
			AtomicLong used = new AtomicLong();
			return chain.nextStream(request)
				.doOnNext((response) -> used.accumulateAndGet(totalTokens(response), Math::max))
				.doFinally((signal) -> this.limiter.debitTokens(subject.key(), subject.tier(), used.get()));
		});
	}

	static long totalTokens(ChatClientResponse response) {
		if (response == null) {
			return 0;
		}
		ChatResponse chatResponse = response.chatResponse();
		if (chatResponse == null || chatResponse.getMetadata() == null) {
			return 0;
		}
		Usage usage = chatResponse.getMetadata().getUsage();
		if (usage == null) {
			return 0;
		}
		Integer total = usage.getTotalTokens();
		return (total != null) ? Math.max(0, total) : 0;
	}

	@Override
	public String getName() {
		return "aiSecurityTokenBudget";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
