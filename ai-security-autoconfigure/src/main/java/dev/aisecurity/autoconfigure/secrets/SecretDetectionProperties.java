package dev.aisecurity.autoconfigure.secrets;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secret detection (scanner id {@code secrets}): which built-in rules run, and rules of
 * your own. Secrets are redacted in both directions by default; actions and thresholds
 * are set per pipeline under {@code ai.security.input.scanners.secrets} and
 * {@code ai.security.output.scanners.secrets}.
 */
@ConfigurationProperties(prefix = "ai.security.detectors.secrets")
public class SecretDetectionProperties {

	/**
	 * Whether the secret scanner is registered.
	 */
	private boolean enabled = true;

	/**
	 * Ids of built-in rules to leave out, for example generic-assignment.
	 */
	private List<String> disabledRules = new ArrayList<>();

	/**
	 * Rules of your own, added to the built-in ones.
	 */
	private List<Rule> rules = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getDisabledRules() {
		return this.disabledRules;
	}

	public void setDisabledRules(List<String> disabledRules) {
		this.disabledRules = disabledRules;
	}

	public List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(List<Rule> rules) {
		this.rules = rules;
	}

	/**
	 * A user-defined rule.
	 */
	public static class Rule {

		/**
		 * Rule id, unique among all rules.
		 */
		private String id;

		/**
		 * Kind of secret, upper case with underscores; findings get the code
		 * SECRET_<type>. Defaults to the id in upper case.
		 */
		private String type;

		/**
		 * Keywords of the prefilter (ASCII, case-insensitive): the pattern runs only near
		 * them. Usually the token's literal prefix.
		 */
		private List<String> keywords = new ArrayList<>();

		/**
		 * RE2/J regular expression (linear time, no backreferences or lookaround) that
		 * matches the secret.
		 */
		private String pattern;

		/**
		 * Group of the pattern that holds the secret; 0 for the whole match.
		 */
		private int secretGroup;

		/**
		 * Minimum Shannon entropy of the secret, in bits per character; 0 for none.
		 */
		private double minEntropy;

		/**
		 * How far from a keyword, in characters, a match may reach.
		 */
		private int window = 256;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public List<String> getKeywords() {
			return this.keywords;
		}

		public void setKeywords(List<String> keywords) {
			this.keywords = keywords;
		}

		public String getPattern() {
			return this.pattern;
		}

		public void setPattern(String pattern) {
			this.pattern = pattern;
		}

		public int getSecretGroup() {
			return this.secretGroup;
		}

		public void setSecretGroup(int secretGroup) {
			this.secretGroup = secretGroup;
		}

		public double getMinEntropy() {
			return this.minEntropy;
		}

		public void setMinEntropy(double minEntropy) {
			this.minEntropy = minEntropy;
		}

		public int getWindow() {
			return this.window;
		}

		public void setWindow(int window) {
			this.window = window;
		}

	}

}
