package dev.aisecurity.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.leak.Canary;
import dev.aisecurity.guard.stream.StreamingGuard;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

/**
 * The output guard of a ChatClient: scans what the model answers before the caller (and
 * chat memory) sees it, for calls and for streams.
 * <ul>
 * <li>Calls: the assistant text, tool-call arguments and reasoning content of every
 * generation go through the output pipeline. SANITIZE rewrites the message; BLOCK throws
 * {@link AiGuardException} with direction OUTPUT (reason codes only), or answers with a
 * refusal when configured.</li>
 * <li>Streams: text and reasoning content pass through a {@link StreamingGuard} per
 * generation, so an entity split across chunks is still caught while text is released
 * early; tool calls are held until their generation finishes and their whole arguments
 * are scanned (providers may split them across chunks). A BLOCK mid-stream cancels the
 * upstream model call (its subscription is disposed, closing the HTTP connection) and
 * ends the stream with the error (or the refusal) instead of the rest of the text.</li>
 * <li>Per request, a fresh {@link Canary} is appended to the system prompt (when there is
 * one) so the system-prompt leak scanner recognises its own prompt in the answer.</li>
 * </ul>
 */
public final class OutputGuardAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * Default order: {@code HIGHEST_PRECEDENCE + 250}, between chat memory
	 * ({@code + 200}) and tool calling ({@code + 300}). On the way back, advisors run in
	 * reverse order, so this advisor sees the final model output after every tool round
	 * trip, and chat memory and the input guard ({@code + 100}) only ever see the guarded
	 * answer. On the way in it adds the canary after memory has assembled the prompt.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 250;

	/** Request context key: the output guard already handles this request, a Boolean. */
	public static final String SCANNED_CONTEXT_KEY = "ai.security.output.scanned";

	/** Response context key: reason codes of a refused output, a Set of String. */
	public static final String REASONS_CONTEXT_KEY = "ai.security.output.reasons";

	/** AssistantMessage metadata key under which providers put reasoning content. */
	public static final String REASONING_CONTENT_KEY = "reasoningContent";

	private final GuardPipeline pipeline;

	private final StreamingGuard streamingGuard;

	private final boolean canary;

	private final String refusalMessage;

	private final OutputAnomalyDetector anomalies;

	private final int order;

	private final ObservationRegistry observationRegistry;

	private OutputGuardAdvisor(Builder builder) {
		this.pipeline = builder.pipeline;
		this.streamingGuard = (builder.streamingGuard != null) ? builder.streamingGuard
				: StreamingGuard.builder(builder.pipeline).build();
		this.canary = builder.canary;
		this.refusalMessage = builder.refusalMessage;
		this.anomalies = builder.anomalies;
		this.order = builder.order;
		this.observationRegistry = builder.observationRegistry;
	}

	/**
	 * A builder for an advisor running the given output pipeline.
	 */
	public static Builder builder(GuardPipeline pipeline) {
		return new Builder(pipeline);
	}

	@Override
	public String getName() {
		return "AiSecurityOutputGuard";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		if (alreadyGuarded(request)) {
			return chain.nextCall(request);
		}
		Prepared prepared = prepare(request);
		ChatClientResponse response = chain.nextCall(prepared.request());
		return GuardObservation.observe(this.observationRegistry, "output", () -> guardCall(response, prepared),
				(guarded) -> guarded.context().containsKey(REASONS_CONTEXT_KEY) ? "block" : "allow");
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		if (alreadyGuarded(request)) {
			return chain.nextStream(request);
		}
		return Flux.defer(() -> {
			Prepared prepared = prepare(request);
			StreamState state = new StreamState(prepared);
			Flux<ChatClientResponse> guarded = chain.nextStream(prepared.request())
				.concatMapIterable(state::onChunk)
				// a refusal ends the stream: takeUntil cancels the model call
				.takeUntil((response) -> state.blocked)
				.concatWith(Flux.defer(() -> Flux.fromIterable(state.onComplete())));
			return GuardObservation.observeStream(this.observationRegistry, "output", guarded, state::decision);
		});
	}

	private static boolean alreadyGuarded(ChatClientRequest request) {
		return Boolean.TRUE.equals(request.context().get(SCANNED_CONTEXT_KEY));
	}

	private Prepared prepare(ChatClientRequest request) {
		Prompt prompt = request.prompt();
		String canaryValue = null;
		if (this.canary && !prompt.getSystemMessages().isEmpty()) {
			String generated = Canary.generate();
			canaryValue = generated;
			prompt = prompt.augmentSystemMessage(
					(system) -> system.mutate().text(Canary.embed(system.getText(), generated)).build());
		}
		Map<String, Object> attributes = new HashMap<>();
		if (canaryValue != null) {
			attributes.put(Canary.CONTEXT_ATTRIBUTE, canaryValue);
		}
		String principal = (request.context().get(InputGuardAdvisor.PRINCIPAL_CONTEXT_KEY) instanceof String name)
				? name : null;
		ScanContext context = new ScanContext(Direction.OUTPUT, principal, systemPrompt(prompt), attributes);
		ChatClientRequest forwarded = request.mutate()
			.prompt(prompt)
			.context(SCANNED_CONTEXT_KEY, Boolean.TRUE)
			.build();
		return new Prepared(forwarded, context);
	}

	private static String systemPrompt(Prompt prompt) {
		List<SystemMessage> messages = prompt.getSystemMessages();
		if (messages.isEmpty()) {
			return null;
		}
		StringBuilder joined = new StringBuilder();
		for (SystemMessage message : messages) {
			if (!joined.isEmpty()) {
				joined.append('\n');
			}
			joined.append(Objects.requireNonNullElse(message.getText(), ""));
		}
		return joined.toString();
	}

	private ChatClientResponse guardCall(ChatClientResponse response, Prepared prepared) {
		ChatResponse chatResponse = response.chatResponse();
		if (chatResponse == null || chatResponse.getResults().isEmpty()) {
			return response;
		}
		ScanContext context = prepared.context();
		List<Generation> generations = new ArrayList<>(chatResponse.getResults().size());
		boolean changed = false;
		int length = 0;
		int redacted = 0;
		String firstText = null;
		for (Generation generation : chatResponse.getResults()) {
			AssistantMessage message = generation.getOutput();
			String text = message.getText();
			if (firstText == null) {
				firstText = text;
			}
			Scanned scannedText = scan(text, context);
			if (scannedText.blocked() != null) {
				return blockedCall(response, scannedText.blocked(), length + lengthOf(text));
			}
			length += lengthOf(text);
			redacted += scannedText.redactedChars();
			List<AssistantMessage.ToolCall> toolCalls = message.getToolCalls();
			List<AssistantMessage.ToolCall> guardedCalls = new ArrayList<>(toolCalls.size());
			boolean callsChanged = false;
			for (AssistantMessage.ToolCall call : toolCalls) {
				Scanned arguments = scan(call.arguments(), context);
				if (arguments.blocked() != null) {
					return blockedCall(response, arguments.blocked(), length);
				}
				callsChanged |= arguments.changed();
				guardedCalls.add(arguments.changed()
						? new AssistantMessage.ToolCall(call.id(), call.type(), call.name(), arguments.text()) : call);
			}
			Map<String, Object> properties = message.getMetadata();
			Scanned reasoning = null;
			if (properties.get(REASONING_CONTENT_KEY) instanceof String reasoningText && !reasoningText.isEmpty()) {
				reasoning = scan(reasoningText, context);
				if (reasoning.blocked() != null) {
					return blockedCall(response, reasoning.blocked(), length);
				}
			}
			if (scannedText.changed() || callsChanged || (reasoning != null && reasoning.changed())) {
				changed = true;
				Map<String, Object> guardedProperties = properties;
				if (reasoning != null && reasoning.changed()) {
					guardedProperties = new HashMap<>(properties);
					guardedProperties.put(REASONING_CONTENT_KEY, reasoning.text());
				}
				AssistantMessage guarded = message.mutate()
					.content(scannedText.text())
					.toolCalls(guardedCalls)
					.properties(guardedProperties)
					.build();
				generations.add(new Generation(guarded, generation.getMetadata()));
			}
			else {
				generations.add(generation);
			}
		}
		record(context, length, redacted, isModelRefusal(firstText));
		if (!changed) {
			return response;
		}
		ChatResponse guarded = ChatResponse.builder().from(chatResponse).generations(generations).build();
		return response.mutate().chatResponse(guarded).build();
	}

	private ChatClientResponse blockedCall(ChatClientResponse response, Verdict verdict, int length) {
		record(null, length, 0, true);
		return refusal(response.context(), verdict);
	}

	private ChatClientResponse refusal(Map<String, Object> context, Verdict verdict) {
		if (this.refusalMessage == null) {
			throw AiGuardException.of(Direction.OUTPUT, verdict);
		}
		ChatGenerationMetadata metadata = ChatGenerationMetadata.builder()
			.finishReason(PromptGuard.REFUSAL_FINISH_REASON)
			.metadata(PromptGuard.REASONS_METADATA_KEY, List.copyOf(verdict.reasonCodes()))
			.build();
		ChatResponse chatResponse = new ChatResponse(
				List.of(new Generation(new AssistantMessage(this.refusalMessage), metadata)));
		return ChatClientResponse.builder()
			.chatResponse(chatResponse)
			.context(context)
			.context(REASONS_CONTEXT_KEY, verdict.reasonCodes())
			.build();
	}

	private Scanned scan(String text, ScanContext context) {
		if (!StringUtils.hasLength(text)) {
			return new Scanned(text, false, null, 0);
		}
		Verdict verdict = this.pipeline.scan(text, context);
		if (verdict.decision() == Decision.BLOCK) {
			return new Scanned(null, false, verdict, 0);
		}
		if (verdict.decision() == Decision.SANITIZE) {
			return new Scanned(verdict.text(), !verdict.text().equals(text), null, redactedChars(verdict));
		}
		return new Scanned(text, false, null, 0);
	}

	private int redactedChars(Verdict verdict) {
		int chars = 0;
		for (Finding finding : verdict.findings()) {
			if (finding.hasSpan() && this.pipeline.actionFor(finding) == Action.SANITIZE) {
				chars += finding.end() - finding.start();
			}
		}
		return chars;
	}

	private boolean isModelRefusal(String text) {
		return this.anomalies != null && this.anomalies.isModelRefusal(text);
	}

	private void record(ScanContext context, int length, int redactedChars, boolean refused) {
		if (this.anomalies != null) {
			this.anomalies.record((context != null) ? context.principal() : null, length, redactedChars, refused);
		}
	}

	private static int lengthOf(String text) {
		return (text != null) ? text.length() : 0;
	}

	private record Prepared(ChatClientRequest request, ScanContext context) {
	}

	private record Scanned(String text, boolean changed, Verdict blocked, int redactedChars) {
	}

	/**
	 * The state of one guarded stream: a streaming-guard session per generation for the
	 * text and one for reasoning content.
	 */
	private final class StreamState {

		private final Prepared prepared;

		private final Map<Integer, StreamingGuard.Session> text = new HashMap<>();

		private final Map<Integer, StreamingGuard.Session> reasoning = new HashMap<>();

		private final Map<Integer, ToolCalls> toolCalls = new HashMap<>();

		private final StringBuilder head = new StringBuilder();

		private ChatResponse last;

		private Map<String, Object> lastContext = Map.of();

		volatile boolean blocked;

		StreamState(Prepared prepared) {
			this.prepared = prepared;
		}

		private StreamingGuard.Session session(Map<Integer, StreamingGuard.Session> sessions, int index) {
			return sessions.computeIfAbsent(index,
					(key) -> OutputGuardAdvisor.this.streamingGuard.open(this.prepared.context()));
		}

		List<ChatClientResponse> onChunk(ChatClientResponse response) {
			if (this.blocked) {
				return List.of();
			}
			this.lastContext = response.context();
			ChatResponse chatResponse = response.chatResponse();
			if (chatResponse == null || chatResponse.getResults().isEmpty()) {
				return List.of(response);
			}
			this.last = chatResponse;
			List<Generation> generations = new ArrayList<>(chatResponse.getResults().size());
			boolean emit = false;
			List<Generation> results = chatResponse.getResults();
			for (int i = 0; i < results.size(); i++) {
				Generation generation = results.get(i);
				AssistantMessage message = generation.getOutput();
				String chunk = message.getText();
				if (i == 0 && chunk != null && this.head.length() < 300) {
					this.head.append(chunk, 0, Math.min(chunk.length(), 300 - this.head.length()));
				}
				boolean finishing = generation.getMetadata() != null
						&& StringUtils.hasText(generation.getMetadata().getFinishReason());
				StreamingGuard.Session session = session(this.text, i);
				StreamingGuard.Emission emission = session.accept(chunk);
				if (emission.isBlocked()) {
					return block(emission.verdict());
				}
				String out = emission.text();
				if (finishing) {
					StreamingGuard.Emission rest = session.finish();
					if (rest.isBlocked()) {
						return block(rest.verdict());
					}
					out = out + rest.text();
				}
				Map<String, Object> properties = message.getMetadata();
				boolean reasoningChanged = false;
				if (properties.get(REASONING_CONTENT_KEY) instanceof String reasoningChunk) {
					StreamingGuard.Session reasoningSession = session(this.reasoning, i);
					StreamingGuard.Emission reasoningEmission = reasoningSession.accept(reasoningChunk);
					if (reasoningEmission.isBlocked()) {
						return block(reasoningEmission.verdict());
					}
					String reasoningOut = reasoningEmission.text();
					if (finishing) {
						StreamingGuard.Emission rest = reasoningSession.finish();
						if (rest.isBlocked()) {
							return block(rest.verdict());
						}
						reasoningOut = reasoningOut + rest.text();
					}
					properties = new HashMap<>(properties);
					properties.put(REASONING_CONTENT_KEY, reasoningOut);
					reasoningChanged = true;
					emit |= !reasoningOut.isEmpty();
				}
				// Tool-call arguments may arrive in fragments: they are held until the
				// generation finishes (or the stream ends) and scanned whole.
				ToolCalls held = this.toolCalls.computeIfAbsent(i, (key) -> new ToolCalls());
				held.accept(message.getToolCalls());
				List<AssistantMessage.ToolCall> calls = List.of();
				if (finishing) {
					ToolCalls.Released released = held.release(this::scanArguments);
					if (released.blocked() != null) {
						return block(released.blocked());
					}
					calls = released.calls();
				}
				emit |= !out.isEmpty() || !calls.isEmpty() || finishing;
				if (Objects.equals(out, chunk) && !reasoningChanged && calls.equals(message.getToolCalls())) {
					generations.add(generation);
				}
				else {
					AssistantMessage guarded = message.mutate()
						.content(out)
						.toolCalls(calls)
						.properties(properties)
						.build();
					generations.add(new Generation(guarded, generation.getMetadata()));
				}
			}
			if (!emit) {
				return List.of();
			}
			ChatResponse guarded = ChatResponse.builder().from(chatResponse).generations(generations).build();
			return List.of(response.mutate().chatResponse(guarded).build());
		}

		private Scanned scanArguments(String arguments) {
			return scan(arguments, this.prepared.context());
		}

		private List<ChatClientResponse> block(Verdict verdict) {
			this.blocked = true;
			record(this.prepared.context(), received(), redacted(), true);
			return List.of(refusal(this.lastContext, verdict));
		}

		List<ChatClientResponse> onComplete() {
			if (this.blocked) {
				return List.of();
			}
			Map<Integer, String> texts = new HashMap<>();
			Map<Integer, String> reasonings = new HashMap<>();
			for (Map.Entry<Integer, StreamingGuard.Session> entry : this.text.entrySet()) {
				StreamingGuard.Emission rest = entry.getValue().finish();
				if (rest.isBlocked()) {
					return block(rest.verdict());
				}
				if (!rest.text().isEmpty()) {
					texts.put(entry.getKey(), rest.text());
				}
			}
			for (Map.Entry<Integer, StreamingGuard.Session> entry : this.reasoning.entrySet()) {
				StreamingGuard.Emission rest = entry.getValue().finish();
				if (rest.isBlocked()) {
					return block(rest.verdict());
				}
				if (!rest.text().isEmpty()) {
					reasonings.put(entry.getKey(), rest.text());
				}
			}
			Map<Integer, List<AssistantMessage.ToolCall>> calls = new HashMap<>();
			for (Map.Entry<Integer, ToolCalls> entry : this.toolCalls.entrySet()) {
				ToolCalls.Released released = entry.getValue().release(this::scanArguments);
				if (released.blocked() != null) {
					return block(released.blocked());
				}
				if (!released.calls().isEmpty()) {
					calls.put(entry.getKey(), released.calls());
				}
			}
			record(this.prepared.context(), received(), redacted(), isModelRefusal(this.head.toString()));
			if (texts.isEmpty() && reasonings.isEmpty() && calls.isEmpty()) {
				return List.of();
			}
			List<Generation> generations = new ArrayList<>();
			int count = Math.max(Math.max(this.text.size(), this.reasoning.size()), this.toolCalls.size());
			for (int i = 0; i < count; i++) {
				AssistantMessage.Builder<?> message = AssistantMessage.builder()
					.content(texts.getOrDefault(i, ""))
					.toolCalls(calls.getOrDefault(i, List.of()));
				if (reasonings.containsKey(i)) {
					message.properties(Map.of(REASONING_CONTENT_KEY, reasonings.get(i)));
				}
				generations.add(new Generation(message.build()));
			}
			ChatResponse.Builder chatResponse = ChatResponse.builder().generations(generations);
			if (this.last != null) {
				chatResponse.metadata(this.last.getMetadata());
			}
			return List
				.of(ChatClientResponse.builder().chatResponse(chatResponse.build()).context(this.lastContext).build());
		}

		/**
		 * The decision over the stream, for the observation: {@code block} or
		 * {@code allow} (which includes sanitised text, as for calls).
		 */
		String decision() {
			return this.blocked ? "block" : "allow";
		}

		private int received() {
			long total = 0;
			for (StreamingGuard.Session session : this.text.values()) {
				total += session.received();
			}
			return (int) Math.min(Integer.MAX_VALUE, total);
		}

		private int redacted() {
			int total = 0;
			for (StreamingGuard.Session session : this.text.values()) {
				total += session.redactedChars();
			}
			return total;
		}

	}

	/**
	 * The tool calls of one streamed generation, held until it finishes. A fragment with
	 * a new id (or the first one) starts a call; a fragment without an id continues the
	 * last call (OpenAI-style deltas), so arguments split across chunks are scanned as
	 * one text.
	 */
	private static final class ToolCalls {

		private final List<String[]> calls = new ArrayList<>();

		private final List<StringBuilder> arguments = new ArrayList<>();

		void accept(List<AssistantMessage.ToolCall> fragments) {
			for (AssistantMessage.ToolCall fragment : fragments) {
				int last = this.calls.size() - 1;
				boolean continues = last >= 0
						&& (!StringUtils.hasLength(fragment.id()) || fragment.id().equals(this.calls.get(last)[0]));
				if (!continues) {
					this.calls.add(new String[] { fragment.id(), fragment.type(), fragment.name() });
					this.arguments.add(new StringBuilder());
					last++;
				}
				String[] call = this.calls.get(last);
				call[1] = StringUtils.hasLength(call[1]) ? call[1] : fragment.type();
				call[2] = StringUtils.hasLength(call[2]) ? call[2] : fragment.name();
				if (fragment.arguments() != null) {
					this.arguments.get(last).append(fragment.arguments());
				}
			}
		}

		/**
		 * Scan and hand out the held calls, and forget them.
		 */
		Released release(java.util.function.Function<String, Scanned> scanner) {
			List<AssistantMessage.ToolCall> released = new ArrayList<>(this.calls.size());
			for (int i = 0; i < this.calls.size(); i++) {
				String[] call = this.calls.get(i);
				Scanned scanned = scanner.apply(this.arguments.get(i).toString());
				if (scanned.blocked() != null) {
					return new Released(List.of(), scanned.blocked());
				}
				released.add(new AssistantMessage.ToolCall(call[0], call[1], call[2], scanned.text()));
			}
			this.calls.clear();
			this.arguments.clear();
			return new Released(released, null);
		}

		record Released(List<AssistantMessage.ToolCall> calls, Verdict blocked) {
		}

	}

	/**
	 * Builds an {@link OutputGuardAdvisor}.
	 */
	public static final class Builder {

		private final GuardPipeline pipeline;

		private StreamingGuard streamingGuard;

		private boolean canary = true;

		private String refusalMessage;

		private OutputAnomalyDetector anomalies;

		private int order = ORDER;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Builder(GuardPipeline pipeline) {
			this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
			if (pipeline.direction() != Direction.OUTPUT) {
				throw new IllegalArgumentException("An output guard needs an output pipeline");
			}
		}

		/**
		 * The streaming guard for streams; by default one with default settings over the
		 * same pipeline.
		 */
		public Builder streamingGuard(StreamingGuard streamingGuard) {
			this.streamingGuard = streamingGuard;
			return this;
		}

		/**
		 * Whether a canary is added to the system prompt of each request (default on).
		 */
		public Builder canary(boolean canary) {
			this.canary = canary;
			return this;
		}

		/**
		 * Answer blocked outputs with this message instead of throwing
		 * {@link AiGuardException}; {@code null} to throw.
		 */
		public Builder refusalMessage(String refusalMessage) {
			this.refusalMessage = refusalMessage;
			return this;
		}

		/**
		 * Where output metadata goes to spot unusual output; {@code null} for none.
		 */
		public Builder anomalyDetector(OutputAnomalyDetector anomalies) {
			this.anomalies = anomalies;
			return this;
		}

		/**
		 * Override the {@link #ORDER default order}.
		 */
		public Builder order(int order) {
			this.order = order;
			return this;
		}

		/**
		 * Observe each guarded answer as {@code ai.security.guard} in this registry
		 * (default: not observed); a stream is observed from subscription to its end.
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
			return this;
		}

		public OutputGuardAdvisor build() {
			return new OutputGuardAdvisor(this);
		}

	}

}
