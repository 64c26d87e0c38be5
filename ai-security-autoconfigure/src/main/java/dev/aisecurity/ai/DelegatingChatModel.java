package dev.aisecurity.ai;

import java.util.Objects;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Base for the starter's {@link ChatModel} decorators: holds the wrapped model and passes
 * the option accessors through, so a decorator only says what it does to
 * {@code call}/{@code stream}.
 */
public abstract class DelegatingChatModel implements ChatModel {

	private final ChatModel delegate;

	protected DelegatingChatModel(ChatModel delegate) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
	}

	/**
	 * The model this one wraps.
	 * @return the delegate
	 */
	public ChatModel getDelegate() {
		return this.delegate;
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
		return getClass().getSimpleName() + "[" + this.delegate + "]";
	}

}
