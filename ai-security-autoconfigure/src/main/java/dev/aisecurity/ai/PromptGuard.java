package dev.aisecurity.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardMode;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.PromptAttributes;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.TextHasher;
import dev.aisecurity.guard.Verdict;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Scans the messages of a Spring AI {@link Prompt} with the input pipeline: every user
 * message, and system messages when configured. Shared by {@link InputGuardAdvisor} and
 * {@link GuardedChatModel}.
 * <p>
 * Each message it lets through carries a marker in its metadata
 * ({@value #SCANNED_METADATA_KEY}): a keyed hash, under a key private to this guard, of
 * the exact text forwarded. A message whose marker matches its text is not scanned again,
 * so the advisor and the model decorator never scan the same text twice, while a message
 * rewritten after the scan (by a later advisor, for example one that adds retrieved
 * documents) no longer matches and is scanned by the decorator. Because the marker
 * travels with the message rather than with the thread, it works for streams too.
 */
public final class PromptGuard {

	/** Message metadata key of the scan marker. */
	public static final String SCANNED_METADATA_KEY = "ai.security.input-scanned";

	/** Finish reason of a refusal given instead of a model answer. */
	public static final String REFUSAL_FINISH_REASON = "ai_security_refusal";

	/** Generation metadata key holding the reason codes of a refusal. */
	public static final String REASONS_METADATA_KEY = "ai.security.reasons";

	private final GuardPipeline pipeline;

	private final boolean scanSystemMessages;

	private final String refusalMessage;

	private final TextHasher logHasher;

	private final TextHasher markHasher = TextHasher.withRandomKey();

	private final Function<List<String>, List<Finding>> promptCheck;

	private PromptGuard(Builder builder) {
		this.pipeline = builder.pipeline;
		this.promptCheck = builder.promptCheck;
		this.scanSystemMessages = builder.scanSystemMessages;
		this.refusalMessage = builder.refusalMessage;
		this.logHasher = builder.logHasher;
	}

	/**
	 * A builder for a guard running the given input pipeline.
	 */
	public static Builder builder(GuardPipeline pipeline) {
		return new Builder(pipeline);
	}

	public GuardPipeline pipeline() {
		return this.pipeline;
	}

	/**
	 * Whether a blocked prompt is answered with a refusal rather than an exception.
	 */
	public boolean refuses() {
		return this.refusalMessage != null;
	}

	/**
	 * Scan a prompt.
	 * @param prompt the prompt
	 * @param principal the caller's name if known
	 * @return the outcome: the prompt to forward, or the reasons it was blocked
	 */
	public PromptScan scan(Prompt prompt, String principal) {
		List<Message> messages = prompt.getInstructions();
		int promptLength = 0;
		for (Message message : messages) {
			String text = message.getText();
			promptLength += (text != null) ? text.length() : 0;
		}
		if (this.promptCheck != null && this.pipeline.mode() == GuardMode.ENFORCE) {
			Set<String> reasons = checkWholePrompt(messages);
			if (!reasons.isEmpty()) {
				return new PromptScan(null, reasons, 0);
			}
		}
		String systemPrompt = systemPrompt(prompt);
		List<Message> forwarded = null;
		int scanned = 0;
		for (int i = 0; i < messages.size(); i++) {
			Message message = messages.get(i);
			if (!inScope(message) || isMarked(message)) {
				continue;
			}
			String text = Objects.requireNonNullElse(message.getText(), "");
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(PromptAttributes.PROMPT_LENGTH, promptLength);
			attributes.put(PromptAttributes.MESSAGE_COUNT, messages.size());
			attributes.put(PromptAttributes.MESSAGE_INDEX, i);
			attributes.put(PromptAttributes.MESSAGE_ROLE, message.getMessageType().getValue());
			attributes.put(PromptAttributes.TEXT_HASH, (Supplier<String>) () -> this.logHasher.hash(text));
			ScanContext context = new ScanContext(Direction.INPUT, principal,
					(message.getMessageType() == MessageType.SYSTEM) ? null : systemPrompt, attributes);
			Verdict verdict = this.pipeline.scan(text, context);
			scanned++;
			if (verdict.decision() == Decision.BLOCK) {
				return new PromptScan(null, verdict.reasonCodes(), scanned);
			}
			String out = (verdict.decision() == Decision.SANITIZE) ? verdict.text() : text;
			if (forwarded == null) {
				forwarded = new ArrayList<>(messages);
			}
			forwarded.set(i, mark(message, out));
		}
		Prompt result = (forwarded != null) ? prompt.mutate().messages(forwarded).build() : prompt;
		return new PromptScan(result, Set.of(), scanned);
	}

	private Set<String> checkWholePrompt(List<Message> messages) {
		List<String> texts = new ArrayList<>(messages.size());
		for (Message message : messages) {
			texts.add(message.getText());
		}
		Set<String> reasons = new LinkedHashSet<>();
		try {
			for (Finding finding : this.promptCheck.apply(texts)) {
				reasons.add(finding.code());
			}
		}
		catch (RuntimeException ex) {
			// Fail closed, as the pipeline does for a failing scanner
			reasons.add(GuardPipeline.GUARD_ERROR);
		}
		return reasons;
	}

	/**
	 * What to answer for a blocked prompt: the refusal, or the exception is thrown.
	 * @param scan the blocked scan
	 * @return the refusal
	 * @throws AiGuardException when configured to refuse by exception
	 */
	public ChatResponse blocked(PromptScan scan) {
		if (this.refusalMessage == null) {
			throw new AiGuardException(Direction.INPUT, scan.reasonCodes());
		}
		ChatGenerationMetadata metadata = ChatGenerationMetadata.builder()
			.finishReason(REFUSAL_FINISH_REASON)
			.metadata(REASONS_METADATA_KEY, List.copyOf(scan.reasonCodes()))
			.build();
		return new ChatResponse(List.of(new Generation(new AssistantMessage(this.refusalMessage), metadata)));
	}

	/**
	 * Whether the message carries a marker matching its text: this guard scanned and
	 * forwarded exactly this text before.
	 */
	public boolean isMarked(Message message) {
		Object marker = message.getMetadata().get(SCANNED_METADATA_KEY);
		return (marker instanceof String value)
				&& value.equals(this.markHasher.hash(Objects.requireNonNullElse(message.getText(), "")));
	}

	private boolean inScope(Message message) {
		MessageType type = message.getMessageType();
		return (type == MessageType.USER && message instanceof UserMessage)
				|| (this.scanSystemMessages && type == MessageType.SYSTEM && message instanceof SystemMessage);
	}

	private Message mark(Message message, String text) {
		Map<String, Object> metadata = new HashMap<>(message.getMetadata());
		metadata.put(SCANNED_METADATA_KEY, this.markHasher.hash(text));
		if (message instanceof UserMessage user) {
			return user.mutate().text(text).metadata(metadata).build();
		}
		return ((SystemMessage) message).mutate().text(text).metadata(metadata).build();
	}

	private static String systemPrompt(Prompt prompt) {
		List<SystemMessage> systemMessages = prompt.getSystemMessages();
		if (systemMessages.isEmpty()) {
			return null;
		}
		if (systemMessages.size() == 1) {
			return systemMessages.get(0).getText();
		}
		StringBuilder joined = new StringBuilder();
		for (SystemMessage message : systemMessages) {
			if (!joined.isEmpty()) {
				joined.append('\n');
			}
			joined.append(message.getText());
		}
		return joined.toString();
	}

	/**
	 * The outcome of scanning a prompt.
	 *
	 * @param prompt the prompt to forward (rewritten where sanitised, marked), or
	 * {@code null} when blocked
	 * @param reasonCodes why it was blocked; empty otherwise
	 * @param scannedMessages how many messages were scanned (already marked ones are
	 * skipped)
	 */
	public record PromptScan(Prompt prompt, Set<String> reasonCodes, int scannedMessages) {

		public boolean isBlocked() {
			return this.prompt == null;
		}

	}

	/**
	 * Builds a {@link PromptGuard}.
	 */
	public static final class Builder {

		private final GuardPipeline pipeline;

		private boolean scanSystemMessages;

		private String refusalMessage;

		private TextHasher logHasher = TextHasher.withRandomKey();

		private Function<List<String>, List<Finding>> promptCheck;

		private Builder(GuardPipeline pipeline) {
			this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
			if (pipeline.direction() != Direction.INPUT) {
				throw new IllegalArgumentException("A prompt guard needs an input pipeline");
			}
		}

		/**
		 * Scan system messages too (for system prompts that embed user content).
		 */
		public Builder scanSystemMessages(boolean scanSystemMessages) {
			this.scanSystemMessages = scanSystemMessages;
			return this;
		}

		/**
		 * Answer blocked prompts with this message instead of throwing
		 * {@link AiGuardException}; {@code null} to throw.
		 */
		public Builder refusalMessage(String refusalMessage) {
			this.refusalMessage = refusalMessage;
			return this;
		}

		/**
		 * The hasher for the keyed text hashes handed to verdict listeners.
		 */
		public Builder textHasher(TextHasher textHasher) {
			this.logHasher = Objects.requireNonNull(textHasher, "textHasher");
			return this;
		}

		/**
		 * A check of the prompt as a whole (for example its total size) before its
		 * messages are scanned one by one: given the texts of all messages, it returns
		 * findings that block the prompt in enforce mode.
		 */
		public Builder promptCheck(Function<List<String>, List<Finding>> promptCheck) {
			this.promptCheck = promptCheck;
			return this;
		}

		public PromptGuard build() {
			return new PromptGuard(this);
		}

	}

}
