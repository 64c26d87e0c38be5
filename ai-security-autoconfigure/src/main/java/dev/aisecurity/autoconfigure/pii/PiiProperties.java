package dev.aisecurity.autoconfigure.pii;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.guard.pii.PiiOperator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of PII detection, its operators and reversible tokenisation.
 */
@ConfigurationProperties(prefix = "ai.security.detectors.pii")
public class PiiProperties {

	/**
	 * Whether the PII scanner is registered at all.
	 */
	private boolean enabled = true;

	/**
	 * Operator for types without their own: what replaces personal data when output (or
	 * input, if its policy is SANITIZE) is sanitised.
	 */
	private PiiOperator.Kind operator = PiiOperator.Kind.REPLACE;

	/**
	 * Minimum score for types without their own. Scores: about 0.9-1.0 for values with a
	 * checksum and issuer or country rules, 0.6 for a single check digit, 0.4 for formats
	 * that need a context word nearby.
	 */
	private double minScore = 0.5;

	/**
	 * Key of the HASH operator's HMAC-SHA256 pseudonyms, at least 16 bytes. Keep it in a
	 * secret store (for example Vault, through spring.config.import); required when any
	 * type uses HASH.
	 */
	private String hashKey;

	/**
	 * Regions (ISO 3166 codes) whose national phone number formats are recognised;
	 * international numbers (+...) are recognised for every country.
	 */
	private List<String> phoneRegions = new ArrayList<>(
			List.of("US", "GB", "DE", "FR", "IL", "IN", "CA", "BR", "AU", "JP", "CN", "ES", "IT", "NL"));

	/**
	 * Per-type settings, keyed by entity type (EMAIL_ADDRESS, CREDIT_CARD, ...).
	 */
	private Map<String, Type> types = new LinkedHashMap<>();

	/**
	 * Extra context words per entity type: words near a candidate that raise its score.
	 */
	private Map<String, List<String>> contextWords = new LinkedHashMap<>();

	/**
	 * User-defined recognisers, keyed by a name of your choice.
	 */
	private Map<String, Recognizer> recognizers = new LinkedHashMap<>();

	/**
	 * Reversible tokenisation of prompts.
	 */
	private final Tokenization tokenization = new Tokenization();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public PiiOperator.Kind getOperator() {
		return this.operator;
	}

	public void setOperator(PiiOperator.Kind operator) {
		this.operator = operator;
	}

	public double getMinScore() {
		return this.minScore;
	}

	public void setMinScore(double minScore) {
		this.minScore = minScore;
	}

	public String getHashKey() {
		return this.hashKey;
	}

	public void setHashKey(String hashKey) {
		this.hashKey = hashKey;
	}

	public List<String> getPhoneRegions() {
		return this.phoneRegions;
	}

	public void setPhoneRegions(List<String> phoneRegions) {
		this.phoneRegions = phoneRegions;
	}

	public Map<String, Type> getTypes() {
		return this.types;
	}

	public void setTypes(Map<String, Type> types) {
		this.types = types;
	}

	public Map<String, List<String>> getContextWords() {
		return this.contextWords;
	}

	public void setContextWords(Map<String, List<String>> contextWords) {
		this.contextWords = contextWords;
	}

	public Map<String, Recognizer> getRecognizers() {
		return this.recognizers;
	}

	public void setRecognizers(Map<String, Recognizer> recognizers) {
		this.recognizers = recognizers;
	}

	public Tokenization getTokenization() {
		return this.tokenization;
	}

	@Override
	public String toString() {
		// never the hash key
		return "PiiProperties[enabled=" + this.enabled + ", types=" + this.types.keySet() + "]";
	}

	/**
	 * Settings of one entity type.
	 */
	public static class Type {

		/**
		 * Whether the type is reported.
		 */
		private boolean enabled = true;

		/**
		 * Minimum score of this type. Unset: the global min-score.
		 */
		private Double minScore;

		/**
		 * Operator of this type. Unset: the global operator.
		 */
		private PiiOperator.Kind operator;

		/**
		 * Letters and digits left visible by the MASK operator.
		 */
		private int maskKeepLast = 4;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Double getMinScore() {
			return this.minScore;
		}

		public void setMinScore(Double minScore) {
			this.minScore = minScore;
		}

		public PiiOperator.Kind getOperator() {
			return this.operator;
		}

		public void setOperator(PiiOperator.Kind operator) {
			this.operator = operator;
		}

		public int getMaskKeepLast() {
			return this.maskKeepLast;
		}

		public void setMaskKeepLast(int maskKeepLast) {
			this.maskKeepLast = maskKeepLast;
		}

	}

	/**
	 * A user-defined recogniser: a pattern or a list of terms.
	 */
	public static class Recognizer {

		/**
		 * Entity type reported, for example EMPLOYEE_ID.
		 */
		private String type;

		/**
		 * RE2 regular expression (linear time; no back-references or look-around).
		 * Exclusive with terms.
		 */
		private String pattern;

		/**
		 * Terms matched as whole words, case-insensitively. Exclusive with pattern.
		 */
		private List<String> terms = new ArrayList<>();

		/**
		 * Score of a match.
		 */
		private double score = 0.8;

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getPattern() {
			return this.pattern;
		}

		public void setPattern(String pattern) {
			this.pattern = pattern;
		}

		public List<String> getTerms() {
			return this.terms;
		}

		public void setTerms(List<String> terms) {
			this.terms = terms;
		}

		public double getScore() {
			return this.score;
		}

		public void setScore(double score) {
			this.score = score;
		}

	}

	/**
	 * Reversible tokenisation: PII in user messages is replaced by placeholders before
	 * the prompt leaves and restored in the reply. Off by default because it changes what
	 * the model sees (it cannot reason about the hidden values, and chat memory keeps the
	 * placeholders, which later requests cannot restore).
	 */
	public static class Tokenization {

		/**
		 * Whether a tokenisation advisor is added to every ChatClient built from the
		 * auto-configured builder.
		 */
		private boolean enabled;

		/**
		 * Advisor order; the default places it just after the input guard and before chat
		 * memory.
		 */
		private int order = dev.aisecurity.ai.PiiTokenizationAdvisor.ORDER;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

	}

}
