package dev.aisecurity.actuate;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link ChatModel} bean (including one already wrapped in a
 * {@code GuardedChatModel}) in a {@link KillSwitchChatModel}.
 */
public class KillSwitchChatModelPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<KillSwitch> killSwitch;

	/**
	 * @param killSwitch the switch, looked up lazily
	 */
	public KillSwitchChatModelPostProcessor(ObjectProvider<KillSwitch> killSwitch) {
		this.killSwitch = killSwitch;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ChatModel model && !(bean instanceof KillSwitchChatModel)) {
			return new KillSwitchChatModel(model, this.killSwitch.getObject());
		}
		return bean;
	}

}
