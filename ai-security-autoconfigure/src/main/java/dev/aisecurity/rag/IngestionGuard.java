package dev.aisecurity.rag;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.document.DocumentGuard;
import dev.aisecurity.guard.document.DocumentGuard.DocumentVerdict;
import dev.aisecurity.guard.document.DocumentGuard.Outcome;
import dev.aisecurity.guard.poisoning.NearDuplicates;

import org.springframework.ai.document.Document;
import org.springframework.ai.document.DocumentTransformer;

/**
 * A Spring AI ETL {@link DocumentTransformer} that guards what goes into a vector store:
 * each document is scanned by a {@link DocumentGuard} (hidden text, indirect prompt
 * injection, exfiltration images, repetition; secrets and personal data rewritten), near
 * duplicate floods within the batch are caught, provenance is written into every
 * document's metadata ({@link DocumentProvenance}), and poisoned documents are dropped,
 * tagged or quarantined. One {@link IngestionAuditEvent} per batch, counts only.
 * <p>
 * Place it after the splitter, right before the writer
 * ({@code reader -> splitter -> ingestionGuard -> vectorStore}), so that the hash
 * recorded is the hash of the chunk stored. Documents without text (media) cannot be
 * scanned and count as poisoned (reason {@value #UNSCANNABLE}). Thread-safe.
 */
public final class IngestionGuard implements DocumentTransformer {

	/** Reason code of a document without text. */
	public static final String UNSCANNABLE = "UNSCANNABLE_MEDIA";

	/** Reason code of the copies of a near-duplicate flood beyond the allowed number. */
	public static final String NEAR_DUPLICATE_FLOOD = "NEAR_DUPLICATE_FLOOD";

	/** Reason code of a quarantine handler failure. */
	public static final String QUARANTINE_FAILED = "QUARANTINE_FAILED";

	private final DocumentGuard guard;

	private final IngestionAction action;

	private final QuarantineHandler quarantine;

	private final String pipelineVersion;

	private final int maxNearDuplicates;

	private final int nearDuplicateDistance;

	private final List<String> sourceKeys;

	private final Consumer<IngestionAuditEvent> audit;

	private final Supplier<String> principal;

	private final Clock clock;

	private IngestionGuard(Builder builder) {
		this.guard = builder.guard;
		this.action = builder.action;
		this.quarantine = builder.quarantine;
		this.pipelineVersion = builder.pipelineVersion;
		this.maxNearDuplicates = builder.maxNearDuplicates;
		this.nearDuplicateDistance = builder.nearDuplicateDistance;
		this.sourceKeys = List.copyOf(builder.sourceKeys);
		this.audit = builder.audit;
		this.principal = builder.principal;
		this.clock = builder.clock;
	}

	public static Builder builder(DocumentGuard guard) {
		return new Builder(guard);
	}

	@Override
	public List<Document> apply(List<Document> documents) {
		List<Document> output = new ArrayList<>(documents.size());
		List<NearDuplicates.Group> groups = nearDuplicateGroups(documents);
		String ingestedAt = this.clock.instant().toString();
		Map<String, Integer> reasons = new TreeMap<>();
		int sanitized = 0;
		int dropped = 0;
		int tagged = 0;
		int quarantined = 0;
		int floods = 0;
		for (int i = 0; i < documents.size(); i++) {
			Document document = documents.get(i);
			DocumentVerdict verdict = scan(document);
			Outcome outcome = verdict.outcome();
			Set<String> codes = new java.util.LinkedHashSet<>(verdict.reasonCodes());
			if (groups != null && groups.get(i).size() > this.maxNearDuplicates
					&& groups.get(i).rank() > this.maxNearDuplicates) {
				outcome = Outcome.POISONED;
				codes.add(NEAR_DUPLICATE_FLOOD);
				floods++;
			}
			codes.forEach((code) -> reasons.merge(code, 1, Integer::sum));
			String text = (verdict.text() != null) ? verdict.text() : "";
			Document guarded = withProvenance(document, text, outcome, codes, ingestedAt);
			if (outcome != Outcome.POISONED) {
				if (outcome != Outcome.CLEAN) {
					sanitized++;
				}
				output.add(guarded);
				continue;
			}
			switch (this.action) {
				case TAG -> {
					tagged++;
					output.add(guarded);
				}
				case QUARANTINE -> {
					if (this.quarantine != null && quarantine(guarded, codes)) {
						quarantined++;
					}
					else {
						reasons.merge(QUARANTINE_FAILED, (this.quarantine != null) ? 1 : 0, Integer::sum);
						dropped++;
					}
				}
				case DROP -> dropped++;
			}
		}
		reasons.values().removeIf((count) -> count == 0);
		publish(new IngestionAuditEvent(this.clock.instant(), principal(), this.pipelineVersion, documents.size(),
				output.size(), sanitized, dropped, tagged, quarantined, floods, reasons));
		return output;
	}

	private DocumentVerdict scan(Document document) {
		if (!document.isText() || document.getText() == null) {
			return new DocumentVerdict(Outcome.POISONED, "", List.of(), Set.of(UNSCANNABLE));
		}
		return this.guard.scan(document.getText(), ScanContext.input());
	}

	private List<NearDuplicates.Group> nearDuplicateGroups(List<Document> documents) {
		if (this.maxNearDuplicates <= 0 || documents.size() <= this.maxNearDuplicates) {
			return null;
		}
		List<String> texts = new ArrayList<>(documents.size());
		for (Document document : documents) {
			texts.add(Objects.requireNonNullElse(document.getText(), ""));
		}
		return NearDuplicates.groups(texts, this.nearDuplicateDistance);
	}

	private boolean quarantine(Document document, Set<String> codes) {
		try {
			this.quarantine.quarantine(document, Set.copyOf(codes));
			return true;
		}
		catch (RuntimeException ex) {
			// the document is dropped: a failing quarantine must not let it through
			return false;
		}
	}

	private Document withProvenance(Document document, String text, Outcome outcome, Set<String> codes,
			String ingestedAt) {
		Map<String, Object> metadata = new HashMap<>(document.getMetadata());
		metadata.put(DocumentProvenance.SOURCE, DocumentProvenance.source(document.getMetadata(), this.sourceKeys));
		metadata.put(DocumentProvenance.SHA256, DocumentProvenance.sha256(text));
		metadata.put(DocumentProvenance.INGESTED_AT, ingestedAt);
		metadata.put(DocumentProvenance.PIPELINE, this.pipelineVersion);
		metadata.put(DocumentProvenance.VERDICT, outcome.name());
		metadata.put(DocumentProvenance.REASONS, List.copyOf(codes));
		return Document.builder().id(document.getId()).text(text).metadata(metadata).score(document.getScore()).build();
	}

	private String principal() {
		try {
			String name = this.principal.get();
			return (name != null) ? name : "system";
		}
		catch (RuntimeException ex) {
			return "system";
		}
	}

	private void publish(IngestionAuditEvent event) {
		try {
			this.audit.accept(event);
		}
		catch (RuntimeException ex) {
			// auditing is best effort here; the batch result stands
		}
	}

	/**
	 * Builds an {@link IngestionGuard}.
	 */
	public static final class Builder {

		private final DocumentGuard guard;

		private IngestionAction action = IngestionAction.DROP;

		private QuarantineHandler quarantine;

		private String pipelineVersion = "1";

		private int maxNearDuplicates = 3;

		private int nearDuplicateDistance = 3;

		private List<String> sourceKeys = DocumentProvenance.SOURCE_KEYS;

		private Consumer<IngestionAuditEvent> audit = (event) -> {
		};

		private Supplier<String> principal = () -> "system";

		private Clock clock = Clock.systemUTC();

		private Builder(DocumentGuard guard) {
			this.guard = Objects.requireNonNull(guard, "guard");
		}

		/** What to do with poisoned documents; default DROP. */
		public Builder action(IngestionAction action) {
			this.action = Objects.requireNonNull(action);
			return this;
		}

		/** Where QUARANTINE sends documents. */
		public Builder quarantine(QuarantineHandler quarantine) {
			this.quarantine = quarantine;
			return this;
		}

		/** The version recorded in every document's provenance. */
		public Builder pipelineVersion(String pipelineVersion) {
			this.pipelineVersion = Objects.requireNonNull(pipelineVersion);
			return this;
		}

		/**
		 * How many near-duplicate copies of one text a batch may hold (0 turns the check
		 * off) and how many of 64 SimHash bits they may differ in (at most 3).
		 */
		public Builder nearDuplicates(int maxCopies, int maxDistance) {
			if (maxDistance < 0 || maxDistance > NearDuplicates.MAX_DISTANCE) {
				throw new IllegalArgumentException("maxDistance must be within [0, 3]");
			}
			this.maxNearDuplicates = maxCopies;
			this.nearDuplicateDistance = maxDistance;
			return this;
		}

		/** Metadata keys that name a document's source, in order. */
		public Builder sourceKeys(List<String> sourceKeys) {
			this.sourceKeys = List.copyOf(sourceKeys);
			return this;
		}

		/** Receives one event per batch. */
		public Builder audit(Consumer<IngestionAuditEvent> audit) {
			this.audit = Objects.requireNonNull(audit);
			return this;
		}

		/** Names who runs the ingestion. */
		public Builder principal(Supplier<String> principal) {
			this.principal = Objects.requireNonNull(principal);
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		public IngestionGuard build() {
			return new IngestionGuard(this);
		}

	}

}
