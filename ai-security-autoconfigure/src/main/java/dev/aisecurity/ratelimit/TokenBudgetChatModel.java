package dev.aisecurity.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import dev.aisecurity.ai.DelegatingChatModel;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Debits the tokens a model reports ({@code ChatResponse.getMetadata().getUsage()}) from
 * the token budgets of the current {@link RateLimitSubject}. The budget was pre-checked
 * before the call (by the {@code @AiGuarded} interceptor); this debits what was actually
 * used. For streams it keeps the largest total seen (providers report usage in the last
 * chunk) and debits when the stream ends, however it ends. Calls made outside an
 * {@code @AiGuarded} request pass through untouched.
 * <p>
 * A decorator of the model rather than a {@code ChatClient} advisor: every call of the
 * model is debited however it was made (any {@code ChatClient}, including one built
 * without the auto-configured builder, or the model called directly; each call of a
 * tool-calling loop with its own usage), and no advisor (each observed on its own) is
 * added to the chain.
 */
public final class TokenBudgetChatModel extends DelegatingChatModel {

	private final TieredRateLimiter limiter;

	/**
	 * Create the decorator.
	 * @param delegate the model
	 * @param limiter the limiter whose token budgets are debited
	 */
	public TokenBudgetChatModel(ChatModel delegate, TieredRateLimiter limiter) {
		super(delegate);
		this.limiter = limiter;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		RateLimitSubject subject = RateLimitSubject.current().orElse(null);
		ChatResponse response = getDelegate().call(prompt);
		if (subject != null) {
			this.limiter.debitTokens(subject.key(), subject.tier(), totalTokens(response));
		}
		return response;
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		RateLimitSubject onThread = RateLimitSubject.current().orElse(null);
		return Flux.deferContextual((context) -> {
			RateLimitSubject subject = context.<RateLimitSubject>getOrEmpty(RateLimitSubject.CONTEXT_KEY)
				.orElse(onThread);
			if (subject == null) {
				return getDelegate().stream(prompt);
			}
			AtomicLong used = new AtomicLong();
			return getDelegate().stream(prompt)
				.doOnNext((response) -> used.accumulateAndGet(totalTokens(response), Math::max))
				.doFinally((signal) -> this.limiter.debitTokens(subject.key(), subject.tier(), used.get()));
		});
	}

	static long totalTokens(ChatResponse response) {
		if (response == null || response.getMetadata() == null) {
			return 0;
		}
		Usage usage = response.getMetadata().getUsage();
		if (usage == null) {
			return 0;
		}
		Integer total = usage.getTotalTokens();
		return (total != null) ? Math.max(0, total) : 0;
	}

}
