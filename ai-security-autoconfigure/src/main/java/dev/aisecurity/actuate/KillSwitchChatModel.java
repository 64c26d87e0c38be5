package dev.aisecurity.actuate;

import java.util.Objects;

import reactor.core.publisher.Flux;

import dev.aisecurity.ai.DelegatingChatModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A {@link ChatModel} that refuses every call while the {@link KillSwitch} is engaged:
 * the model-level hook for code that bypasses ChatClient customizers or calls the model
 * (or its {@code GuardedChatModel} decorator) directly.
 */
public class KillSwitchChatModel extends DelegatingChatModel {

	private final KillSwitch killSwitch;

	/**
	 * Create the decorator.
	 * @param delegate the model
	 * @param killSwitch the switch
	 */
	public KillSwitchChatModel(ChatModel delegate, KillSwitch killSwitch) {
		super(delegate);
		this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		this.killSwitch.check();
		return getDelegate().call(prompt);
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		if (this.killSwitch.isEngaged()) {
			return Flux.error(new KillSwitchEngagedException());
		}
		return getDelegate().stream(prompt);
	}

}
