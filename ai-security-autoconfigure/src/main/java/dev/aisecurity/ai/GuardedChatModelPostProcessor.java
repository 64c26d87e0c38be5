package dev.aisecurity.ai;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link ChatModel} bean in a {@link GuardedChatModel}. The wrapped bean is
 * exposed as {@code ChatModel}: inject it by that interface (a final provider class such
 * as {@code OpenAiChatModel} cannot be subclassed to keep its type).
 */
public class GuardedChatModelPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<PromptGuard> guard;

	/**
	 * @param guard the guard, looked up lazily so that this post-processor does not
	 * initialise the pipeline's scanners early
	 */
	public GuardedChatModelPostProcessor(ObjectProvider<PromptGuard> guard) {
		this.guard = guard;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ChatModel model && !(bean instanceof GuardedChatModel)) {
			return new GuardedChatModel(model, this.guard.getObject());
		}
		return bean;
	}

}
