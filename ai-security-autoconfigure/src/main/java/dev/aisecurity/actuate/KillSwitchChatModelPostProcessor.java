package dev.aisecurity.actuate;

import dev.aisecurity.ai.ChatModelDecoratingPostProcessor;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Wraps every {@link ChatModel} bean (including one already wrapped in a
 * {@code GuardedChatModel}) in a {@link KillSwitchChatModel}.
 */
public class KillSwitchChatModelPostProcessor extends ChatModelDecoratingPostProcessor<KillSwitchChatModel> {

	private final ObjectProvider<KillSwitch> killSwitch;

	/**
	 * @param killSwitch the switch, looked up lazily
	 */
	public KillSwitchChatModelPostProcessor(ObjectProvider<KillSwitch> killSwitch) {
		super(KillSwitchChatModel.class);
		this.killSwitch = killSwitch;
	}

	@Override
	protected KillSwitchChatModel decorate(ChatModel model) {
		return new KillSwitchChatModel(model, this.killSwitch.getObject());
	}

}
