package dev.aisecurity.ratelimit;

import dev.aisecurity.ai.ChatModelDecoratingPostProcessor;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Wraps every {@link ChatModel} bean in a {@link TokenBudgetChatModel}.
 */
public class TokenBudgetChatModelPostProcessor extends ChatModelDecoratingPostProcessor<TokenBudgetChatModel> {

	private final ObjectProvider<TieredRateLimiter> limiter;

	/**
	 * @param limiter the limiter, looked up when the first model is wrapped
	 */
	public TokenBudgetChatModelPostProcessor(ObjectProvider<TieredRateLimiter> limiter) {
		super(TokenBudgetChatModel.class);
		this.limiter = limiter;
	}

	@Override
	protected TokenBudgetChatModel decorate(ChatModel model) {
		return new TokenBudgetChatModel(model, this.limiter.getObject());
	}

}
