package dev.aisecurity.tool;

import java.util.Objects;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A {@link ToolCallback} decorator that runs the {@link ToolGuard}'s checks around every
 * call: authorisation and argument checks before (a refused call never reaches the tool),
 * result filtering after. The definition and metadata are the delegate's, so the model
 * sees the same tool.
 */
public final class GuardedToolCallback implements ToolCallback {

	private final ToolCallback delegate;

	private final ToolGuard guard;

	private GuardedToolCallback(ToolCallback delegate, ToolGuard guard) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.guard = Objects.requireNonNull(guard, "guard");
	}

	/**
	 * Guard a callback; an already guarded one is returned as it is.
	 */
	public static ToolCallback wrap(ToolCallback callback, ToolGuard guard) {
		if (callback == null || callback instanceof GuardedToolCallback) {
			return callback;
		}
		return new GuardedToolCallback(callback, guard);
	}

	public ToolCallback getDelegate() {
		return this.delegate;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, ToolContext toolContext) {
		String name = getToolDefinition().name();
		ToolGuard.Admission admission = this.guard.admit(name, toolInput);
		if (!admission.admitted()) {
			return admission.refusal();
		}
		String result = (toolContext != null) ? this.delegate.call(toolInput, toolContext)
				: this.delegate.call(toolInput);
		return this.guard.filter(admission.principal(), name, result);
	}

	@Override
	public String toString() {
		return "GuardedToolCallback[" + getToolDefinition().name() + "]";
	}

}
