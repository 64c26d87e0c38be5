package dev.aisecurity.ai;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Wraps every {@link ChatModel} bean in a {@link GuardedChatModel}.
 */
public class GuardedChatModelPostProcessor extends ChatModelDecoratingPostProcessor<GuardedChatModel> {

	private final ObjectProvider<PromptGuard> guard;

	/**
	 * @param guard the guard, looked up lazily so that this post-processor does not
	 * initialise the pipeline's scanners early
	 */
	public GuardedChatModelPostProcessor(ObjectProvider<PromptGuard> guard) {
		super(GuardedChatModel.class);
		this.guard = guard;
	}

	@Override
	protected GuardedChatModel decorate(ChatModel model) {
		return new GuardedChatModel(model, this.guard.getObject());
	}

}
