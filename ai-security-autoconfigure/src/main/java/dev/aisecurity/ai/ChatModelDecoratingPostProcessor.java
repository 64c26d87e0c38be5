package dev.aisecurity.ai;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link ChatModel} bean in a decorator, once: a bean that already is such a
 * decorator is left alone, while one wrapped by another decorator is wrapped again (the
 * kill switch goes around the guard). The wrapped bean is exposed as {@code ChatModel}:
 * inject it by that interface (a final provider class such as {@code OpenAiChatModel}
 * cannot be subclassed to keep its type).
 *
 * @param <D> the decorator type
 */
public abstract class ChatModelDecoratingPostProcessor<D extends ChatModel> implements BeanPostProcessor {

	private final Class<D> decoratorType;

	/**
	 * @param decoratorType the decorator type, to recognise beans already wrapped
	 */
	protected ChatModelDecoratingPostProcessor(Class<D> decoratorType) {
		this.decoratorType = decoratorType;
	}

	@Override
	public final Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ChatModel model && !this.decoratorType.isInstance(bean)) {
			return decorate(model);
		}
		return bean;
	}

	/**
	 * Wrap a model.
	 * @param model the model bean
	 * @return the decorator
	 */
	protected abstract D decorate(ChatModel model);

}
