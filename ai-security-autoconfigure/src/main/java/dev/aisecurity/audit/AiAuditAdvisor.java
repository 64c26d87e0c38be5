package dev.aisecurity.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.aisecurity.ai.InputGuardAdvisor;
import dev.aisecurity.ai.OutputGuardAdvisor;
import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.TextHasher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.core.Ordered;

/**
 * Writes one {@link AiAuditRecord} per ChatClient interaction, calls and streams, to
 * every {@link AiAuditSink}. Ordered outermost, so the record holds the final verdicts of
 * the input and output guards and the whole latency; refusals by exception are recorded
 * and rethrown unchanged. Only sizes and keyed hashes of the texts are recorded.
 */
public final class AiAuditAdvisor implements CallAdvisor, StreamAdvisor {

	/** Default order: outside every guard, token budget and memory advisor. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/** Request context key: the id of the audited interaction, a String. */
	public static final String REQUEST_ID_CONTEXT_KEY = "ai.security.audit.request-id";

	/** The {@code error} of the record of a stream the caller cancelled. */
	public static final String CANCELLED = "cancelled";

	private static final Log logger = LogFactory.getLog(AiAuditAdvisor.class);

	private final TextHasher hasher;

	private final AuditVerdictCollector collector;

	private final AuditCallerResolver callers;

	private final List<AiAuditSink> sinks;

	private final Clock clock;

	private final int order;

	private AiAuditAdvisor(Builder builder) {
		this.hasher = builder.hasher;
		this.collector = builder.collector;
		this.callers = builder.callers;
		this.sinks = List.copyOf(builder.sinks);
		this.clock = builder.clock;
		this.order = builder.order;
	}

	/**
	 * A builder for an advisor hashing with the given hasher and collecting verdicts with
	 * the given collector (which must be a listener of the guard pipelines).
	 */
	public static Builder builder(TextHasher hasher, AuditVerdictCollector collector) {
		return new Builder(hasher, collector);
	}

	@Override
	public String getName() {
		return "AiSecurityAudit";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		Interaction interaction = start(request, "call");
		AuditScope previous = this.collector.enter(interaction.scope);
		try {
			ChatClientResponse response = chain.nextCall(interaction.request);
			interaction.response(response);
			finish(interaction, null);
			return response;
		}
		catch (RuntimeException ex) {
			finish(interaction, ex);
			throw ex;
		}
		finally {
			this.collector.restore(previous);
		}
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		Interaction interaction = start(request, "stream");
		AuditScope previous = this.collector.enter(interaction.scope);
		Flux<ChatClientResponse> responses;
		try {
			responses = chain.nextStream(interaction.request);
		}
		catch (RuntimeException ex) {
			finish(interaction, ex);
			throw ex;
		}
		finally {
			this.collector.restore(previous);
		}
		// Spring AI assembles the rest of the chain when the stream is subscribed to, so
		// the scope must be current then too (and while a synchronous source emits).
		Flux<ChatClientResponse> scoped = Flux.from((subscriber) -> {
			AuditScope outer = this.collector.enter(interaction.scope);
			try {
				responses.subscribe(subscriber);
			}
			finally {
				this.collector.restore(outer);
			}
		});
		AtomicBoolean done = new AtomicBoolean();
		// Before the terminal signal travels on, so the record exists when the caller
		// sees the end of the stream. Sizes, tokens and the output hash cover what was
		// streamed until then; a cancelled stream is recorded with error "cancelled".
		return scoped.doOnNext(interaction::response).doOnError((ex) -> {
			if (done.compareAndSet(false, true)) {
				finish(interaction, ex);
			}
		}).doOnComplete(() -> {
			if (done.compareAndSet(false, true)) {
				finish(interaction, null);
			}
		}).doOnCancel(() -> {
			if (done.compareAndSet(false, true)) {
				interaction.cancelled = true;
				finish(interaction, null);
			}
		});
	}

	private Interaction start(ChatClientRequest request, String mode) {
		String requestId = (request.context().get(REQUEST_ID_CONTEXT_KEY) instanceof String id) ? id
				: UUID.randomUUID().toString();
		ChatClientRequest forwarded = request.mutate().context(REQUEST_ID_CONTEXT_KEY, requestId).build();
		AuditCaller caller;
		try {
			caller = this.callers.resolve();
		}
		catch (RuntimeException ex) {
			caller = AuditCaller.UNKNOWN;
		}
		StringBuilder input = new StringBuilder();
		int inputChars = 0;
		for (Message message : request.prompt().getInstructions()) {
			String text = message.getText();
			if (text == null) {
				continue;
			}
			inputChars += text.length();
			if (message.getMessageType() == MessageType.USER) {
				input.append(text).append('\n');
			}
		}
		ChatOptions options = request.prompt().getOptions();
		String model = (options != null) ? options.getModel() : null;
		return new Interaction(forwarded, requestId, caller, mode, model, inputChars,
				this.hasher.hash(input.toString()), this.clock.instant(), System.nanoTime());
	}

	private void finish(Interaction interaction, Throwable failure) {
		try {
			AiAuditRecord record = interaction.toRecord(failure, this.hasher);
			for (AiAuditSink sink : this.sinks) {
				try {
					sink.accept(record);
				}
				catch (RuntimeException ex) {
					// The type only: a sink's message could quote anything.
					logger.warn("Audit sink " + sink.getClass().getName() + " failed: " + ex.getClass().getName());
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Audit record not written: " + ex.getClass().getName());
		}
	}

	/**
	 * The state of one audited interaction.
	 */
	private static final class Interaction {

		final ChatClientRequest request;

		final String requestId;

		final AuditCaller caller;

		final String mode;

		final int inputChars;

		final String inputHash;

		final Instant timestamp;

		final long startNanos;

		final AuditScope scope = new AuditScope();

		private final StringBuilder output = new StringBuilder();

		private final Set<String> reasons = new LinkedHashSet<>();

		private String model;

		private Usage usage;

		private boolean hasOutput;

		/** Whether the caller cancelled the stream before its end. */
		volatile boolean cancelled;

		Interaction(ChatClientRequest request, String requestId, AuditCaller caller, String mode, String model,
				int inputChars, String inputHash, Instant timestamp, long startNanos) {
			this.request = request;
			this.requestId = requestId;
			this.caller = caller;
			this.mode = mode;
			this.model = model;
			this.inputChars = inputChars;
			this.inputHash = inputHash;
			this.timestamp = timestamp;
			this.startNanos = startNanos;
		}

		synchronized void response(ChatClientResponse response) {
			addReasons(response.context().get(InputGuardAdvisor.REASONS_CONTEXT_KEY));
			addReasons(response.context().get(OutputGuardAdvisor.REASONS_CONTEXT_KEY));
			ChatResponse chat = response.chatResponse();
			if (chat == null) {
				return;
			}
			if (chat.getMetadata() != null) {
				String answeredBy = chat.getMetadata().getModel();
				if (answeredBy != null && !answeredBy.isEmpty()) {
					this.model = answeredBy;
				}
				Usage chunkUsage = chat.getMetadata().getUsage();
				if (chunkUsage != null && chunkUsage.getTotalTokens() != null && chunkUsage.getTotalTokens() > 0) {
					this.usage = chunkUsage;
				}
			}
			for (Generation generation : chat.getResults()) {
				if (generation.getOutput() != null && generation.getOutput().getText() != null) {
					this.output.append(generation.getOutput().getText());
					this.hasOutput = true;
				}
			}
		}

		private void addReasons(Object value) {
			if (value instanceof Collection<?> codes) {
				for (Object code : codes) {
					this.reasons.add(String.valueOf(code));
				}
			}
		}

		synchronized AiAuditRecord toRecord(Throwable failure, TextHasher hasher) {
			long totalNanos = System.nanoTime() - this.startNanos;
			List<AuditVerdict> verdicts = this.scope.verdicts();
			String error = null;
			AuditOutcome outcome;
			if (failure instanceof AiGuardException guard) {
				this.reasons.addAll(guard.getReasonCodes());
				outcome = AuditOutcome.BLOCKED;
			}
			else if (failure != null) {
				error = failure.getClass().getName();
				outcome = AuditOutcome.ERROR;
			}
			else if (this.cancelled) {
				error = CANCELLED;
				outcome = outcome(verdicts);
			}
			else {
				outcome = outcome(verdicts);
			}
			if (outcome != AuditOutcome.BLOCKED && !this.reasons.isEmpty()) {
				outcome = AuditOutcome.BLOCKED;
			}
			long prompt = -1;
			long completion = -1;
			long total = -1;
			if (this.usage != null) {
				prompt = tokens(this.usage.getPromptTokens());
				completion = tokens(this.usage.getCompletionTokens());
				total = tokens(this.usage.getTotalTokens());
			}
			return new AiAuditRecord(this.timestamp, this.requestId, this.caller.principal(),
					this.caller.authenticationMethod(), this.caller.tier(),
					(this.caller.endpoint() != null) ? this.caller.endpoint() : "advisor:" + this.mode, this.mode,
					this.model, outcome, this.inputChars, this.output.length(), prompt, completion, total, verdicts,
					new ArrayList<>(this.reasons), error, totalNanos, this.scope.guardNanos(), this.inputHash,
					this.hasOutput ? hasher.hash(this.output.toString()) : null);
		}

		private static long tokens(Integer count) {
			return (count != null) ? count : -1;
		}

		private static AuditOutcome outcome(List<AuditVerdict> verdicts) {
			AuditOutcome outcome = AuditOutcome.ALLOWED;
			for (AuditVerdict verdict : verdicts) {
				if ("block".equals(verdict.decision())) {
					return AuditOutcome.BLOCKED;
				}
				if ("sanitize".equals(verdict.decision())) {
					outcome = AuditOutcome.SANITIZED;
				}
			}
			return outcome;
		}

	}

	/**
	 * Builds an {@link AiAuditAdvisor}.
	 */
	public static final class Builder {

		private final TextHasher hasher;

		private final AuditVerdictCollector collector;

		private AuditCallerResolver callers = () -> AuditCaller.UNKNOWN;

		private final List<AiAuditSink> sinks = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private int order = ORDER;

		private Builder(TextHasher hasher, AuditVerdictCollector collector) {
			this.hasher = Objects.requireNonNull(hasher, "hasher");
			this.collector = Objects.requireNonNull(collector, "collector");
		}

		/**
		 * How to find out who is calling (default: nobody known).
		 */
		public Builder callerResolver(AuditCallerResolver callers) {
			this.callers = Objects.requireNonNull(callers, "callers");
			return this;
		}

		/**
		 * Add a sink for the records.
		 */
		public Builder sink(AiAuditSink sink) {
			this.sinks.add(Objects.requireNonNull(sink, "sink"));
			return this;
		}

		/**
		 * Add sinks for the records.
		 */
		public Builder sinks(Collection<? extends AiAuditSink> sinks) {
			sinks.forEach(this::sink);
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Override the {@link #ORDER default order}.
		 */
		public Builder order(int order) {
			this.order = order;
			return this;
		}

		public AiAuditAdvisor build() {
			return new AiAuditAdvisor(this);
		}

	}

}
