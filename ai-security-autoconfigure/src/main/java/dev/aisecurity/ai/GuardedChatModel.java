package dev.aisecurity.ai;

import java.util.Objects;

import dev.aisecurity.ai.PromptGuard.PromptScan;
import dev.aisecurity.guard.AiGuardException;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A {@link ChatModel} that scans each prompt with the input guard before the model sees
 * it: the second hook beside {@link InputGuardAdvisor}, for code that bypasses ChatClient
 * customizers ({@code ChatClient.create(model)}, {@code ChatClient.builder(
 * model)}) or calls the model directly. Messages the advisor already scanned carry its
 * marker and are not scanned again (see {@link PromptGuard}).
 * <p>
 * A blocked prompt never reaches the delegate: {@link #call(Prompt)} throws
 * {@link AiGuardException} (or returns the refusal), {@link #stream(Prompt)} returns an
 * error (or the refusal) without subscribing to the delegate.
 */
public class GuardedChatModel extends DelegatingChatModel {

	private final PromptGuard guard;

	public GuardedChatModel(ChatModel delegate, PromptGuard guard) {
		super(delegate);
		this.guard = Objects.requireNonNull(guard, "guard");
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		PromptScan scan = this.guard.scan(prompt, null);
		if (scan.isBlocked()) {
			return this.guard.blocked(scan);
		}
		return getDelegate().call(scan.prompt());
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		PromptScan scan;
		try {
			scan = this.guard.scan(prompt, null);
			if (scan.isBlocked()) {
				return Flux.just(this.guard.blocked(scan));
			}
		}
		catch (AiGuardException ex) {
			return Flux.error(ex);
		}
		return getDelegate().stream(scan.prompt());
	}

}
