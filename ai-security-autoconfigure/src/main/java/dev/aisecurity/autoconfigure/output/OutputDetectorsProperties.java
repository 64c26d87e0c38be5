package dev.aisecurity.autoconfigure.output;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aisecurity.guard.Direction;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the output detectors: {@code ai.security.detectors.system-prompt-leak},
 * {@code ai.security.detectors.exfiltration} and
 * {@code ai.security.detectors.moderation}. Whether each runs, its threshold and action
 * are set per pipeline under {@code ai.security.output.scanners.<id>}.
 */
@ConfigurationProperties("ai.security.detectors")
public class OutputDetectorsProperties {

	/**
	 * System-prompt leak detection.
	 */
	private final SystemPromptLeak systemPromptLeak = new SystemPromptLeak();

	/**
	 * Exfiltration through links and images.
	 */
	private final Exfiltration exfiltration = new Exfiltration();

	/**
	 * Content moderation.
	 */
	private final Moderation moderation = new Moderation();

	public SystemPromptLeak getSystemPromptLeak() {
		return this.systemPromptLeak;
	}

	public Exfiltration getExfiltration() {
		return this.exfiltration;
	}

	public Moderation getModeration() {
		return this.moderation;
	}

	/**
	 * System-prompt leak detection settings.
	 */
	public static class SystemPromptLeak {

		/**
		 * Words per shingle compared between output and system prompt.
		 */
		private int shingleSize = 4;

		/**
		 * Words of the system prompt an output must reproduce in one stretch to be
		 * blocked.
		 */
		private int minLeakWords = 12;

		/**
		 * Changed, inserted or dropped words a reproduced stretch may contain.
		 */
		private int maxGap = 3;

		/**
		 * System prompts shorter than this many words are not checked for overlap (too
		 * generic).
		 */
		private int minPromptWords = 8;

		/**
		 * Share of a system prompt shorter than min-leak-words that must be reproduced.
		 */
		private double shortPromptCoverage = 0.8;

		/**
		 * Strings that must never appear in output (code names, internal host names...),
		 * matched on word boundaries ignoring case.
		 */
		private List<String> protectedStrings = new ArrayList<>();

		public int getShingleSize() {
			return this.shingleSize;
		}

		public void setShingleSize(int shingleSize) {
			this.shingleSize = shingleSize;
		}

		public int getMinLeakWords() {
			return this.minLeakWords;
		}

		public void setMinLeakWords(int minLeakWords) {
			this.minLeakWords = minLeakWords;
		}

		public int getMaxGap() {
			return this.maxGap;
		}

		public void setMaxGap(int maxGap) {
			this.maxGap = maxGap;
		}

		public int getMinPromptWords() {
			return this.minPromptWords;
		}

		public void setMinPromptWords(int minPromptWords) {
			this.minPromptWords = minPromptWords;
		}

		public double getShortPromptCoverage() {
			return this.shortPromptCoverage;
		}

		public void setShortPromptCoverage(double shortPromptCoverage) {
			this.shortPromptCoverage = shortPromptCoverage;
		}

		public List<String> getProtectedStrings() {
			return this.protectedStrings;
		}

		public void setProtectedStrings(List<String> protectedStrings) {
			this.protectedStrings = protectedStrings;
		}

	}

	/**
	 * Exfiltration settings.
	 */
	public static class Exfiltration {

		/**
		 * Hosts (and their subdomains) images may load from. Empty: every image with a
		 * network URL is removed.
		 */
		private List<String> allowedImageHosts = new ArrayList<>();

		/**
		 * Hosts (and their subdomains) links may point at with any URL.
		 */
		private List<String> allowedLinkHosts = new ArrayList<>();

		/**
		 * Whether every link to a host outside allowed-link-hosts is neutralised, not
		 * only links whose URL carries data.
		 */
		private boolean neutralizeUnlistedLinks = false;

		public List<String> getAllowedImageHosts() {
			return this.allowedImageHosts;
		}

		public void setAllowedImageHosts(List<String> allowedImageHosts) {
			this.allowedImageHosts = allowedImageHosts;
		}

		public List<String> getAllowedLinkHosts() {
			return this.allowedLinkHosts;
		}

		public void setAllowedLinkHosts(List<String> allowedLinkHosts) {
			this.allowedLinkHosts = allowedLinkHosts;
		}

		public boolean isNeutralizeUnlistedLinks() {
			return this.neutralizeUnlistedLinks;
		}

		public void setNeutralizeUnlistedLinks(boolean neutralizeUnlistedLinks) {
			this.neutralizeUnlistedLinks = neutralizeUnlistedLinks;
		}

	}

	/**
	 * Content moderation settings.
	 */
	public static class Moderation {

		/**
		 * Directions moderated: output by default; add "input" to moderate prompts too.
		 */
		private Set<Direction> directions = EnumSet.of(Direction.OUTPUT);

		/**
		 * Whether the built-in term lists are used.
		 */
		private boolean defaultTerms = true;

		/**
		 * Additional phrases per category, matched on word boundaries over normalised
		 * text.
		 */
		private Map<String, List<String>> terms = new LinkedHashMap<>();

		/**
		 * Score of a term-list match.
		 */
		private double termScore = 0.9;

		/**
		 * Moderation through a Spring AI ModerationModel bean, when one exists.
		 */
		private final Model model = new Model();

		public Set<Direction> getDirections() {
			return this.directions;
		}

		public void setDirections(Set<Direction> directions) {
			this.directions = directions;
		}

		public boolean isDefaultTerms() {
			return this.defaultTerms;
		}

		public void setDefaultTerms(boolean defaultTerms) {
			this.defaultTerms = defaultTerms;
		}

		public Map<String, List<String>> getTerms() {
			return this.terms;
		}

		public void setTerms(Map<String, List<String>> terms) {
			this.terms = terms;
		}

		public double getTermScore() {
			return this.termScore;
		}

		public void setTermScore(double termScore) {
			this.termScore = termScore;
		}

		public Model getModel() {
			return this.model;
		}

	}

	/**
	 * ModerationModel adapter settings.
	 */
	public static class Model {

		/**
		 * Whether a ModerationModel bean, when present, moderates too.
		 */
		private boolean enabled = true;

		/**
		 * Categories that count. Default: sexual, sexual-minors, hate, hate-threatening,
		 * harassment, harassment-threatening, self-harm (and -intent, -instructions),
		 * violence, violence-graphic, dangerous-and-criminal-content.
		 */
		private Set<String> categories = new LinkedHashSet<>(List.of("sexual", "sexual-minors", "hate",
				"hate-threatening", "harassment", "harassment-threatening", "self-harm", "self-harm-intent",
				"self-harm-instructions", "violence", "violence-graphic", "dangerous-and-criminal-content"));

		/**
		 * Per-category score thresholds.
		 */
		private Map<String, Double> thresholds = new LinkedHashMap<>();

		/**
		 * Threshold of categories without their own.
		 */
		private double defaultThreshold = 0.5;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<String> getCategories() {
			return this.categories;
		}

		public void setCategories(Set<String> categories) {
			this.categories = categories;
		}

		public Map<String, Double> getThresholds() {
			return this.thresholds;
		}

		public void setThresholds(Map<String, Double> thresholds) {
			this.thresholds = thresholds;
		}

		public double getDefaultThreshold() {
			return this.defaultThreshold;
		}

		public void setDefaultThreshold(double defaultThreshold) {
			this.defaultThreshold = defaultThreshold;
		}

	}

}
