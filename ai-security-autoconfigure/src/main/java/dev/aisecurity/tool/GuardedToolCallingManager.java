package dev.aisecurity.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Decorates the application's {@link ToolCallingManager}, through which Spring AI's chat
 * models execute every tool call: before the delegate executes the calls of a response,
 * each tool callback of the prompt's options is wrapped in a {@link GuardedToolCallback}.
 * Tools resolved by name go through the (likewise decorated) tool callback resolver.
 */
public final class GuardedToolCallingManager implements ToolCallingManager {

	private final ToolCallingManager delegate;

	private final Supplier<ToolGuard> guard;

	/**
	 * @param delegate the manager that executes the calls
	 * @param guard the guard, looked up at the first call
	 */
	public GuardedToolCallingManager(ToolCallingManager delegate, Supplier<ToolGuard> guard) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.guard = Objects.requireNonNull(guard, "guard");
	}

	@Override
	public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
		return this.delegate.resolveToolDefinitions(chatOptions);
	}

	@Override
	public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
		return this.delegate.executeToolCalls(guarded(prompt), chatResponse);
	}

	private Prompt guarded(Prompt prompt) {
		ChatOptions options = prompt.getOptions();
		if (!(options instanceof ToolCallingChatOptions toolOptions) || toolOptions.getToolCallbacks() == null
				|| toolOptions.getToolCallbacks().isEmpty()) {
			return prompt;
		}
		ToolGuard guard = this.guard.get();
		List<ToolCallback> wrapped = new ArrayList<>(toolOptions.getToolCallbacks().size());
		for (ToolCallback callback : toolOptions.getToolCallbacks()) {
			wrapped.add(GuardedToolCallback.wrap(callback, guard));
		}
		ToolCallingChatOptions guardedOptions = toolOptions.mutate().toolCallbacks(wrapped).build();
		return prompt.mutate().chatOptions(guardedOptions).build();
	}

}
