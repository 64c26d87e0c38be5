package dev.aisecurity.autoconfigure.rag;

import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.guard.pii.PiiOperator;
import dev.aisecurity.rag.DocumentProvenance;
import dev.aisecurity.rag.IngestionAction;
import dev.aisecurity.rag.RetrievalGuardAdvisor;
import dev.aisecurity.rag.Spotlighting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the document guards for retrieval-augmented generation: the ETL
 * ingestion guard and the retrieval guard.
 */
@ConfigurationProperties(prefix = "ai.security.rag")
public class RagSecurityProperties {

	/**
	 * Whether the RAG guards are configured at all.
	 */
	private boolean enabled = true;

	/**
	 * Fused score (0-1) at or above which the indirect-injection scanner flags a
	 * document. Lower catches more and flags more ordinary documents.
	 */
	private double injectionThreshold = 0.5;

	/**
	 * Hosts (and their subdomains) whose images and embeds documents may contain; any
	 * other image or embed marks the document as carrying an exfiltration link.
	 */
	private List<String> allowedImageHosts = new ArrayList<>();

	/**
	 * Whether anomalous repetition (one word or line repeated far beyond normal text)
	 * marks a document as poisoned.
	 */
	private boolean repetitionCheck = true;

	/**
	 * The ingestion guard (a DocumentTransformer for ETL pipelines).
	 */
	private final Ingestion ingestion = new Ingestion();

	/**
	 * The retrieval guard (an advisor on every ChatClient).
	 */
	private final Retrieval retrieval = new Retrieval();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public double getInjectionThreshold() {
		return this.injectionThreshold;
	}

	public void setInjectionThreshold(double injectionThreshold) {
		this.injectionThreshold = injectionThreshold;
	}

	public List<String> getAllowedImageHosts() {
		return this.allowedImageHosts;
	}

	public void setAllowedImageHosts(List<String> allowedImageHosts) {
		this.allowedImageHosts = allowedImageHosts;
	}

	public boolean isRepetitionCheck() {
		return this.repetitionCheck;
	}

	public void setRepetitionCheck(boolean repetitionCheck) {
		this.repetitionCheck = repetitionCheck;
	}

	public Ingestion getIngestion() {
		return this.ingestion;
	}

	public Retrieval getRetrieval() {
		return this.retrieval;
	}

	/**
	 * The ingestion guard.
	 */
	public static class Ingestion {

		/**
		 * Whether the IngestionGuard bean is defined.
		 */
		private boolean enabled = true;

		/**
		 * What happens to a poisoned document: DROP, TAG (kept with
		 * ai_security_verdict=POISONED) or QUARANTINE (handed to the QuarantineHandler
		 * bean; dropped without one).
		 */
		private IngestionAction onPoisoned = IngestionAction.DROP;

		/**
		 * Version of the ingestion pipeline, recorded in every document's provenance.
		 */
		private String pipelineVersion = "1";

		/**
		 * Whether personal data is rewritten before documents are stored.
		 */
		private boolean redactPii = true;

		/**
		 * How personal data is rewritten: REPLACE (type placeholder), REDACT, MASK or
		 * HASH (keyed pseudonym; needs ai.security.detectors.pii.hash-key of at least 16
		 * bytes).
		 */
		private PiiOperator.Kind piiOperator = PiiOperator.Kind.REPLACE;

		/**
		 * Whether secrets (API keys, tokens, private keys, passwords in URLs...) are
		 * removed before documents are stored.
		 */
		private boolean removeSecrets = true;

		/**
		 * Most near-duplicate copies of one text a batch may hold; further copies are
		 * treated as poisoned. 0 turns the check off.
		 */
		private int maxNearDuplicates = 3;

		/**
		 * Most differing bits (0-3) of 64-bit SimHashes for two texts to count as near
		 * duplicates.
		 */
		private int nearDuplicateDistance = 3;

		/**
		 * Metadata keys that name a document's source (URI, file name), tried in order.
		 */
		private List<String> sourceKeys = new ArrayList<>(DocumentProvenance.SOURCE_KEYS);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public IngestionAction getOnPoisoned() {
			return this.onPoisoned;
		}

		public void setOnPoisoned(IngestionAction onPoisoned) {
			this.onPoisoned = onPoisoned;
		}

		public String getPipelineVersion() {
			return this.pipelineVersion;
		}

		public void setPipelineVersion(String pipelineVersion) {
			this.pipelineVersion = pipelineVersion;
		}

		public boolean isRedactPii() {
			return this.redactPii;
		}

		public void setRedactPii(boolean redactPii) {
			this.redactPii = redactPii;
		}

		public PiiOperator.Kind getPiiOperator() {
			return this.piiOperator;
		}

		public void setPiiOperator(PiiOperator.Kind piiOperator) {
			this.piiOperator = piiOperator;
		}

		public boolean isRemoveSecrets() {
			return this.removeSecrets;
		}

		public void setRemoveSecrets(boolean removeSecrets) {
			this.removeSecrets = removeSecrets;
		}

		public int getMaxNearDuplicates() {
			return this.maxNearDuplicates;
		}

		public void setMaxNearDuplicates(int maxNearDuplicates) {
			this.maxNearDuplicates = maxNearDuplicates;
		}

		public int getNearDuplicateDistance() {
			return this.nearDuplicateDistance;
		}

		public void setNearDuplicateDistance(int nearDuplicateDistance) {
			this.nearDuplicateDistance = nearDuplicateDistance;
		}

		public List<String> getSourceKeys() {
			return this.sourceKeys;
		}

		public void setSourceKeys(List<String> sourceKeys) {
			this.sourceKeys = sourceKeys;
		}

	}

	/**
	 * The retrieval guard.
	 */
	public static class Retrieval {

		/**
		 * Whether the RetrievalGuardAdvisor is defined and added to every ChatClient
		 * built from the auto-configured builder.
		 */
		private boolean enabled = true;

		/**
		 * What happens to a retrieved document with injected instructions: DROP (withheld
		 * from the prompt) or REMOVE (the offending sentences removed; instructions the
		 * guard cannot locate still withhold the document).
		 */
		private OnInjection onInjection = OnInjection.DROP;

		/**
		 * Whether personal data in retrieved documents is rewritten before the model
		 * reads it (ingestion already does so for documents it stored).
		 */
		private boolean redactPii = false;

		/**
		 * Whether secrets in retrieved documents are removed before the model reads them.
		 */
		private boolean removeSecrets = true;

		/**
		 * Whether documents without an ingestion hash (not stored through the ingestion
		 * guard) are withheld. A recorded hash that does not match the text always
		 * withholds the document.
		 */
		private boolean requireProvenance = false;

		/**
		 * Request context keys holding retrieved documents (QuestionAnswerAdvisor,
		 * RetrievalAugmentationAdvisor).
		 */
		private List<String> contextKeys = new ArrayList<>(
				List.of(RetrievalGuardAdvisor.QA_RETRIEVED_DOCUMENTS, RetrievalGuardAdvisor.RAG_DOCUMENT_CONTEXT));

		/**
		 * Order of the advisor: after the retrieval advisors (whose default is 0).
		 */
		private int order = 1000;

		/**
		 * Spotlighting (data marking) of retrieved content in the prompt.
		 */
		private final SpotlightingSettings spotlighting = new SpotlightingSettings();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public OnInjection getOnInjection() {
			return this.onInjection;
		}

		public void setOnInjection(OnInjection onInjection) {
			this.onInjection = onInjection;
		}

		public boolean isRedactPii() {
			return this.redactPii;
		}

		public void setRedactPii(boolean redactPii) {
			this.redactPii = redactPii;
		}

		public boolean isRemoveSecrets() {
			return this.removeSecrets;
		}

		public void setRemoveSecrets(boolean removeSecrets) {
			this.removeSecrets = removeSecrets;
		}

		public boolean isRequireProvenance() {
			return this.requireProvenance;
		}

		public void setRequireProvenance(boolean requireProvenance) {
			this.requireProvenance = requireProvenance;
		}

		public List<String> getContextKeys() {
			return this.contextKeys;
		}

		public void setContextKeys(List<String> contextKeys) {
			this.contextKeys = contextKeys;
		}

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

		public SpotlightingSettings getSpotlighting() {
			return this.spotlighting;
		}

	}

	/**
	 * Spotlighting settings.
	 */
	public static class SpotlightingSettings {

		/**
		 * NONE, DELIMIT (each document between random-boundary markers) or DATAMARK
		 * (markers, and whitespace inside documents replaced by a data mark).
		 */
		private Spotlighting.Mode mode = Spotlighting.Mode.DELIMIT;

		/**
		 * Notice appended to the system message when documents are marked; {open} and
		 * {close} stand for the markers.
		 */
		private String notice = Spotlighting.DEFAULT_NOTICE;

		public Spotlighting.Mode getMode() {
			return this.mode;
		}

		public void setMode(Spotlighting.Mode mode) {
			this.mode = mode;
		}

		public String getNotice() {
			return this.notice;
		}

		public void setNotice(String notice) {
			this.notice = notice;
		}

	}

	/**
	 * What the retrieval guard does with injected instructions.
	 */
	public enum OnInjection {

		/** Withhold the document. */
		DROP,
		/** Remove the offending sentences and serve the rest. */
		REMOVE

	}

}
