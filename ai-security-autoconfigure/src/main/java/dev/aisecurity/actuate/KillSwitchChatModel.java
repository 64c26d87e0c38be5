package dev.aisecurity.actuate;

import java.util.Objects;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A {@link ChatModel} that refuses every call while the {@link KillSwitch} is engaged:
 * the model-level hook for code that bypasses ChatClient customizers or calls the model
 * (or its {@code GuardedChatModel} decorator) directly.
 */
public class KillSwitchChatModel implements ChatModel {

	private final ChatModel delegate;

	private final KillSwitch killSwitch;

	/**
	 * Create the decorator.
	 * @param delegate the model
	 * @param killSwitch the switch
	 */
	public KillSwitchChatModel(ChatModel delegate, KillSwitch killSwitch) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
	}

	/**
	 * The model this one protects.
	 * @return the delegate
	 */
	public ChatModel getDelegate() {
		return this.delegate;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		this.killSwitch.check();
		return this.delegate.call(prompt);
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		if (this.killSwitch.isEngaged()) {
			return Flux.error(new KillSwitchEngagedException());
		}
		return this.delegate.stream(prompt);
	}

	@Override
	public ChatOptions getDefaultOptions() {
		return this.delegate.getDefaultOptions();
	}

	@Override
	public ChatOptions getOptions() {
		return this.delegate.getOptions();
	}

	@Override
	public String toString() {
		return "KillSwitchChatModel[" + this.delegate + "]";
	}

}
