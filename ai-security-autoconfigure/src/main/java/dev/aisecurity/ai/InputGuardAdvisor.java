package dev.aisecurity.ai;

import java.util.Objects;

import dev.aisecurity.ai.PromptGuard.PromptScan;
import dev.aisecurity.guard.AiGuardException;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;

/**
 * The input guard of a ChatClient: scans the prompt (every user message, and system
 * messages when configured) before chat memory, retrieval and tool calling add to it.
 * SANITIZE forwards the rewritten prompt; BLOCK never calls the model and either throws
 * {@link AiGuardException} (reason codes, never the text) or answers with a canned
 * refusal, as the {@link PromptGuard} is configured.
 * <p>
 * It records {@value #SCANNED_CONTEXT_KEY} in the request context, so a second instance
 * in the same chain passes through, and marks the messages it forwarded so that the
 * {@link GuardedChatModel} decorator does not scan them again.
 */
public final class InputGuardAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * Default order: before chat memory ({@code HIGHEST_PRECEDENCE + 200}) and tool
	 * calling ({@code HIGHEST_PRECEDENCE + 300}), so stored history and tool loops only
	 * ever see scanned text.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** Request context key: the prompt was scanned, a Boolean. */
	public static final String SCANNED_CONTEXT_KEY = "ai.security.input.scanned";

	/** Response context key: reason codes of a refused prompt, a Set of String. */
	public static final String REASONS_CONTEXT_KEY = "ai.security.input.reasons";

	/** Request context key: the caller's name, a String, for per-principal scanners. */
	public static final String PRINCIPAL_CONTEXT_KEY = "ai.security.principal";

	private final PromptGuard guard;

	private final int order;

	private final ObservationRegistry observationRegistry;

	private InputGuardAdvisor(Builder builder) {
		this.guard = builder.guard;
		this.order = builder.order;
		this.observationRegistry = builder.observationRegistry;
	}

	/**
	 * A builder for an advisor using the given guard.
	 */
	public static Builder builder(PromptGuard guard) {
		return new Builder(guard);
	}

	@Override
	public String getName() {
		return "AiSecurityInputGuard";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		if (alreadyScanned(request)) {
			return chain.nextCall(request);
		}
		PromptScan scan = scan(request);
		if (scan.isBlocked()) {
			return refusal(request, scan);
		}
		return chain.nextCall(forward(request, scan));
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		if (alreadyScanned(request)) {
			return chain.nextStream(request);
		}
		PromptScan scan;
		ChatClientResponse refusal;
		try {
			scan = scan(request);
			if (!scan.isBlocked()) {
				return chain.nextStream(forward(request, scan));
			}
			refusal = refusal(request, scan);
		}
		catch (AiGuardException ex) {
			return Flux.error(ex);
		}
		return Flux.just(refusal);
	}

	private PromptScan scan(ChatClientRequest request) {
		return GuardObservation.observe(this.observationRegistry, "input",
				() -> this.guard.scan(request.prompt(), principal(request)),
				(scan) -> scan.isBlocked() ? "block" : "allow");
	}

	private ChatClientResponse refusal(ChatClientRequest request, PromptScan scan) {
		return ChatClientResponse.builder()
			.chatResponse(this.guard.blocked(scan))
			.context(request.context())
			.context(REASONS_CONTEXT_KEY, scan.reasonCodes())
			.build();
	}

	private static ChatClientRequest forward(ChatClientRequest request, PromptScan scan) {
		return request.mutate().prompt(scan.prompt()).context(SCANNED_CONTEXT_KEY, Boolean.TRUE).build();
	}

	private static boolean alreadyScanned(ChatClientRequest request) {
		return Boolean.TRUE.equals(request.context().get(SCANNED_CONTEXT_KEY));
	}

	private static String principal(ChatClientRequest request) {
		return (request.context().get(PRINCIPAL_CONTEXT_KEY) instanceof String name) ? name : null;
	}

	/**
	 * Builds an {@link InputGuardAdvisor}.
	 */
	public static final class Builder {

		private final PromptGuard guard;

		private int order = ORDER;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Builder(PromptGuard guard) {
			this.guard = Objects.requireNonNull(guard, "guard");
		}

		/**
		 * Override the {@link #ORDER default order}.
		 */
		public Builder order(int order) {
			this.order = order;
			return this;
		}

		/**
		 * Observe each prompt scan as {@code ai.security.guard} in this registry
		 * (default: not observed).
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
			return this;
		}

		public InputGuardAdvisor build() {
			return new InputGuardAdvisor(this);
		}

	}

}
