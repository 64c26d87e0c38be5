package dev.aisecurity.rag;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.document.DocumentGuard.DocumentVerdict;
import dev.aisecurity.guard.document.DocumentGuard;
import dev.aisecurity.guard.text.LinearSearch;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.AdvisorChain;
import org.springframework.ai.chat.client.advisor.api.BaseAdvisor;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.Document;

/**
 * Guards retrieved documents before the model reads them. Works with Spring AI's
 * {@code QuestionAnswerAdvisor} and {@code RetrievalAugmentationAdvisor}, which retrieve,
 * write the documents' text into the user message and leave the documents in the request
 * context (under {@code qa_retrieved_documents} and {@code rag_document_context}): this
 * advisor runs right after them ({@link #ORDER}), scans every document found under the
 * configured context keys with a {@link DocumentGuard} (using the system prompt as
 * context), and rewrites the user message in place of each document's text:
 * <ul>
 * <li>a poisoned document, one tagged POISONED at ingestion, or one whose text no longer
 * matches the SHA-256 recorded at ingestion is withheld (its text removed from the prompt
 * and from the context list);</li>
 * <li>a document whose injected sentences were removed, or whose secrets or personal data
 * were rewritten, goes in rewritten;</li>
 * <li>every document that goes in is spotlighted ({@link Spotlighting}) and the system
 * message says what the markers mean.</li>
 * </ul>
 * A document that must change but whose text cannot be found verbatim in the user message
 * (a custom template that transforms it) fails the request closed with an
 * {@link AiGuardException}. Which document ids were served to which principal is
 * published as a {@link RetrievalAuditEvent}.
 */
public final class RetrievalGuardAdvisor implements BaseAdvisor {

	/**
	 * Default order: after the retrieval advisors (Spring AI's default 0) and before the
	 * model call.
	 */
	public static final int ORDER = 1000;

	/** Context key under which QuestionAnswerAdvisor keeps the retrieved documents. */
	public static final String QA_RETRIEVED_DOCUMENTS = "qa_retrieved_documents";

	/**
	 * Context key under which RetrievalAugmentationAdvisor keeps the retrieved documents.
	 */
	public static final String RAG_DOCUMENT_CONTEXT = "rag_document_context";

	/** Reason code: the text does not match its ingestion hash. */
	public static final String PROVENANCE_MISMATCH = "PROVENANCE_MISMATCH";

	/** Reason code: no provenance where it is required. */
	public static final String PROVENANCE_MISSING = "PROVENANCE_MISSING";

	/** Reason code: tagged POISONED at ingestion. */
	public static final String TAGGED_POISONED = "TAGGED_POISONED";

	/** Reason code: a document that had to change could not be located in the prompt. */
	public static final String DOCUMENT_NOT_LOCATED = "RETRIEVED_DOCUMENT_NOT_LOCATED";

	private final DocumentGuard guard;

	private final Spotlighting spotlighting;

	private final List<String> contextKeys;

	private final boolean requireProvenance;

	private final Consumer<RetrievalAuditEvent> audit;

	private final Supplier<String> principal;

	private final Clock clock;

	private final int order;

	private RetrievalGuardAdvisor(Builder builder) {
		this.guard = builder.guard;
		this.spotlighting = builder.spotlighting;
		this.contextKeys = List.copyOf(builder.contextKeys);
		this.requireProvenance = builder.requireProvenance;
		this.audit = builder.audit;
		this.principal = builder.principal;
		this.clock = builder.clock;
		this.order = builder.order;
	}

	public static Builder builder(DocumentGuard guard) {
		return new Builder(guard);
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public String getName() {
		return "RetrievalGuardAdvisor";
	}

	@Override
	public ChatClientRequest before(ChatClientRequest request, AdvisorChain chain) {
		Map<String, List<Document>> retrieved = retrieved(request.context());
		if (retrieved.isEmpty()) {
			return request;
		}
		Prompt prompt = request.prompt();
		String systemPrompt = systemText(prompt);
		ScanContext scanContext = ScanContext.input().withSystemPrompt(systemPrompt);
		String boundary = Spotlighting.newBoundary();
		UserMessage user = prompt.getUserMessage();
		String userText = Objects.requireNonNullElse(user.getText(), "");
		StringBuilder rewritten = new StringBuilder(userText.length() + 256);
		int cursor = 0;
		List<String> served = new ArrayList<>();
		Map<String, List<String>> withheld = new LinkedHashMap<>();
		Map<String, List<Document>> kept = new HashMap<>();
		Set<String> failures = new LinkedHashSet<>();
		int number = 0;
		// documents may sit under more than one key; each text is rewritten once
		Map<String, Decision> decided = new HashMap<>();
		for (Map.Entry<String, List<Document>> entry : retrieved.entrySet()) {
			List<Document> keptHere = new ArrayList<>();
			for (Document document : entry.getValue()) {
				Decision decision = decided.get(document.getId());
				boolean first = decision == null;
				if (first) {
					decision = decide(document, scanContext);
					decided.put(document.getId(), decision);
				}
				if (decision.text() != null) {
					keptHere.add(decision.document());
				}
				if (!first) {
					continue;
				}
				if (decision.text() == null) {
					withheld.put(String.valueOf(document.getId()), List.copyOf(decision.reasons()));
				}
				else {
					served.add(String.valueOf(document.getId()));
				}
				String original = document.getText();
				int at = (original == null || original.isEmpty()) ? -1
						: LinearSearch.indexOf(userText, original, cursor);
				boolean mustChange = decision.text() == null || !decision.text().equals(original);
				if (at < 0) {
					if (mustChange && original != null && !original.isEmpty()) {
						failures.addAll(decision.reasons());
						failures.add(DOCUMENT_NOT_LOCATED);
					}
					continue;
				}
				rewritten.append(userText, cursor, at);
				if (decision.text() != null) {
					number++;
					rewritten.append(this.spotlighting.mark(decision.text(), number, boundary));
				}
				cursor = at + original.length();
			}
			kept.put(entry.getKey(), keptHere);
		}
		rewritten.append(userText, cursor, userText.length());
		publish(served, withheld);
		if (!failures.isEmpty()) {
			throw new AiGuardException(Direction.INPUT, failures);
		}
		Prompt guarded = prompt.augmentUserMessage((message) -> message.mutate().text(rewritten.toString()).build());
		String notice = (number > 0) ? this.spotlighting.notice(boundary) : null;
		if (notice != null) {
			guarded = guarded.augmentSystemMessage((system) -> appendNotice(system, notice));
		}
		ChatClientRequest.Builder result = request.mutate().prompt(guarded);
		Map<String, Object> context = new HashMap<>(request.context());
		context.putAll(kept);
		return result.context(context).build();
	}

	private static SystemMessage appendNotice(SystemMessage system, String notice) {
		String existing = (system != null) ? Objects.requireNonNullElse(system.getText(), "") : "";
		String text = existing.isBlank() ? notice : existing + "\n\n" + notice;
		return (system != null) ? system.mutate().text(text).build() : new SystemMessage(text);
	}

	private Decision decide(Document document, ScanContext context) {
		Map<String, Object> metadata = document.getMetadata();
		if (!document.isText() || document.getText() == null) {
			return Decision.withheld(Set.of(IngestionGuard.UNSCANNABLE));
		}
		if ("POISONED".equals(metadata.get(DocumentProvenance.VERDICT))) {
			return Decision.withheld(Set.of(TAGGED_POISONED));
		}
		Boolean matches = DocumentProvenance.matches(metadata, document.getText());
		if (Boolean.FALSE.equals(matches)) {
			return Decision.withheld(Set.of(PROVENANCE_MISMATCH));
		}
		if (matches == null && this.requireProvenance) {
			return Decision.withheld(Set.of(PROVENANCE_MISSING));
		}
		DocumentVerdict verdict = this.guard.scan(document.getText(), context);
		if (verdict.isPoisoned() || verdict.text() == null) {
			return Decision.withheld(verdict.reasonCodes());
		}
		Document served = verdict.text().equals(document.getText()) ? document
				: document.mutate().text(verdict.text()).build();
		return new Decision(verdict.text(), served, verdict.reasonCodes());
	}

	@SuppressWarnings("unchecked")
	private Map<String, List<Document>> retrieved(Map<String, Object> context) {
		Map<String, List<Document>> retrieved = new LinkedHashMap<>();
		for (String key : this.contextKeys) {
			Object value = context.get(key);
			if (value instanceof List<?> list && !list.isEmpty()) {
				List<Document> documents = new ArrayList<>(list.size());
				for (Object item : list) {
					if (item instanceof Document document) {
						documents.add(document);
					}
				}
				if (!documents.isEmpty()) {
					retrieved.put(key, documents);
				}
			}
		}
		return retrieved;
	}

	private static String systemText(Prompt prompt) {
		List<SystemMessage> messages = prompt.getSystemMessages();
		if (messages.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (SystemMessage message : messages) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append(Objects.requireNonNullElse(message.getText(), ""));
		}
		return text.toString();
	}

	private void publish(List<String> served, Map<String, List<String>> withheld) {
		try {
			String name = this.principal.get();
			this.audit.accept(new RetrievalAuditEvent(this.clock.instant(), (name != null) ? name : "anonymous", served,
					withheld, this.spotlighting.mode().name()));
		}
		catch (RuntimeException ex) {
			// auditing is best effort: the guard's decision stands
		}
	}

	@Override
	public ChatClientResponse after(ChatClientResponse response, AdvisorChain chain) {
		return response;
	}

	/**
	 * What happens to one document: served with {@code text}, or withheld ({@code text}
	 * null).
	 */
	private record Decision(String text, Document document, Set<String> reasons) {

		static Decision withheld(Set<String> reasons) {
			return new Decision(null, null, reasons);
		}

	}

	/**
	 * Builds a {@link RetrievalGuardAdvisor}.
	 */
	public static final class Builder {

		private final DocumentGuard guard;

		private Spotlighting spotlighting = new Spotlighting(Spotlighting.Mode.DELIMIT, Spotlighting.DEFAULT_NOTICE);

		private List<String> contextKeys = List.of(QA_RETRIEVED_DOCUMENTS, RAG_DOCUMENT_CONTEXT);

		private boolean requireProvenance;

		private Consumer<RetrievalAuditEvent> audit = (event) -> {
		};

		private Supplier<String> principal = () -> "anonymous";

		private Clock clock = Clock.systemUTC();

		private int order = ORDER;

		private Builder(DocumentGuard guard) {
			this.guard = Objects.requireNonNull(guard, "guard");
		}

		public Builder spotlighting(Spotlighting spotlighting) {
			this.spotlighting = Objects.requireNonNull(spotlighting);
			return this;
		}

		/** Request context keys that hold retrieved documents. */
		public Builder contextKeys(List<String> contextKeys) {
			this.contextKeys = List.copyOf(contextKeys);
			return this;
		}

		/** Withhold documents without an ingestion hash. */
		public Builder requireProvenance(boolean requireProvenance) {
			this.requireProvenance = requireProvenance;
			return this;
		}

		public Builder audit(Consumer<RetrievalAuditEvent> audit) {
			this.audit = Objects.requireNonNull(audit);
			return this;
		}

		public Builder principal(Supplier<String> principal) {
			this.principal = Objects.requireNonNull(principal);
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		public Builder order(int order) {
			this.order = order;
			return this;
		}

		public RetrievalGuardAdvisor build() {
			return new RetrievalGuardAdvisor(this);
		}

	}

}
