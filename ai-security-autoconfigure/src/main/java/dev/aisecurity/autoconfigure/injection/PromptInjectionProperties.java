package dev.aisecurity.autoconfigure.injection;

import java.util.EnumSet;
import java.util.Set;

import dev.aisecurity.guard.injection.PromptInjectionSettings;
import dev.aisecurity.guard.injection.Signal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the prompt-injection and jailbreak scanner.
 */
@ConfigurationProperties(prefix = "ai.security.detectors.prompt-injection")
public class PromptInjectionProperties {

	/**
	 * Whether the prompt-injection scanner is registered at all.
	 */
	private boolean enabled = true;

	/**
	 * Fused score (0-1) at or above which the scanner's default policy blocks the input.
	 * Lower catches more attacks and more benign look-alikes.
	 */
	private double threshold = PromptInjectionSettings.DEFAULT_THRESHOLD;

	/**
	 * Factor (0-1) applied to the score of each PromptInjectionClassifier bean before it
	 * is fused with the heuristic signals; 0 ignores classifiers.
	 */
	private double classifierWeight = 1.0;

	/**
	 * Which heuristic signals are scored.
	 */
	private final Signals signals = new Signals();

	/**
	 * Limits on decoding encoded spans (base64, hex, URL encoding, Morse).
	 */
	private final Decoding decoding = new Decoding();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public double getThreshold() {
		return this.threshold;
	}

	public void setThreshold(double threshold) {
		this.threshold = threshold;
	}

	public double getClassifierWeight() {
		return this.classifierWeight;
	}

	public void setClassifierWeight(double classifierWeight) {
		this.classifierWeight = classifierWeight;
	}

	public Signals getSignals() {
		return this.signals;
	}

	public Decoding getDecoding() {
		return this.decoding;
	}

	/**
	 * The engine settings these properties describe.
	 */
	public PromptInjectionSettings toSettings() {
		return new PromptInjectionSettings(this.threshold, this.signals.toSet(), this.classifierWeight,
				this.decoding.getMaxSpans(), this.decoding.getMaxChars());
	}

	/**
	 * Switches for the heuristic signals.
	 */
	public static class Signals {

		/**
		 * Whether "ignore the previous instructions" and announced new tasks are scored.
		 */
		private boolean instructionOverride = true;

		/**
		 * Whether fake chat-template tokens, role labels and end-of-prompt separators are
		 * scored.
		 */
		private boolean roleSpoofing = true;

		/**
		 * Whether persona and jailbreak framings (DAN, developer mode, "no restrictions")
		 * are scored.
		 */
		private boolean jailbreakPersona = true;

		/**
		 * Whether requests for the system prompt or a guarded secret are scored.
		 */
		private boolean systemPromptExtraction = true;

		/**
		 * Whether dictated verbatim outputs (canary strings such as "I have been PWNED")
		 * are scored.
		 */
		private boolean goalHijacking = true;

		/**
		 * Whether base64, hex, URL-encoded, Morse, leetspeak and reversed payloads are
		 * decoded and scored.
		 */
		private boolean encodedPayload = true;

		/**
		 * Whether GCG-style adversarial suffixes (improbable token sequences) are scored.
		 */
		private boolean adversarialSuffix = true;

		/**
		 * Whether text hidden in Unicode tag characters is scored.
		 */
		private boolean hiddenTextInjection = true;

		/**
		 * Whether requests for harmful content wrapped in role play, fiction,
		 * hypotheticals or pretexts are scored.
		 */
		private boolean framedHarmfulRequest = true;

		/**
		 * Whether orders to send the conversation, keys, credentials or the user's data
		 * out of it are scored.
		 */
		private boolean dataExfiltration = true;

		public boolean isInstructionOverride() {
			return this.instructionOverride;
		}

		public void setInstructionOverride(boolean instructionOverride) {
			this.instructionOverride = instructionOverride;
		}

		public boolean isRoleSpoofing() {
			return this.roleSpoofing;
		}

		public void setRoleSpoofing(boolean roleSpoofing) {
			this.roleSpoofing = roleSpoofing;
		}

		public boolean isJailbreakPersona() {
			return this.jailbreakPersona;
		}

		public void setJailbreakPersona(boolean jailbreakPersona) {
			this.jailbreakPersona = jailbreakPersona;
		}

		public boolean isSystemPromptExtraction() {
			return this.systemPromptExtraction;
		}

		public void setSystemPromptExtraction(boolean systemPromptExtraction) {
			this.systemPromptExtraction = systemPromptExtraction;
		}

		public boolean isGoalHijacking() {
			return this.goalHijacking;
		}

		public void setGoalHijacking(boolean goalHijacking) {
			this.goalHijacking = goalHijacking;
		}

		public boolean isEncodedPayload() {
			return this.encodedPayload;
		}

		public void setEncodedPayload(boolean encodedPayload) {
			this.encodedPayload = encodedPayload;
		}

		public boolean isAdversarialSuffix() {
			return this.adversarialSuffix;
		}

		public void setAdversarialSuffix(boolean adversarialSuffix) {
			this.adversarialSuffix = adversarialSuffix;
		}

		public boolean isHiddenTextInjection() {
			return this.hiddenTextInjection;
		}

		public void setHiddenTextInjection(boolean hiddenTextInjection) {
			this.hiddenTextInjection = hiddenTextInjection;
		}

		public boolean isFramedHarmfulRequest() {
			return this.framedHarmfulRequest;
		}

		public void setFramedHarmfulRequest(boolean framedHarmfulRequest) {
			this.framedHarmfulRequest = framedHarmfulRequest;
		}

		public boolean isDataExfiltration() {
			return this.dataExfiltration;
		}

		public void setDataExfiltration(boolean dataExfiltration) {
			this.dataExfiltration = dataExfiltration;
		}

		Set<Signal> toSet() {
			Set<Signal> set = EnumSet.of(Signal.CLASSIFIER);
			add(set, this.instructionOverride, Signal.INSTRUCTION_OVERRIDE);
			add(set, this.roleSpoofing, Signal.ROLE_SPOOFING);
			add(set, this.jailbreakPersona, Signal.JAILBREAK_PERSONA);
			add(set, this.systemPromptExtraction, Signal.SYSTEM_PROMPT_EXTRACTION);
			add(set, this.goalHijacking, Signal.GOAL_HIJACKING);
			add(set, this.encodedPayload, Signal.ENCODED_PAYLOAD);
			add(set, this.adversarialSuffix, Signal.ADVERSARIAL_SUFFIX);
			add(set, this.hiddenTextInjection, Signal.HIDDEN_TEXT_INJECTION);
			add(set, this.framedHarmfulRequest, Signal.FRAMED_HARMFUL_REQUEST);
			add(set, this.dataExfiltration, Signal.DATA_EXFILTRATION);
			return set;
		}

		private static void add(Set<Signal> set, boolean enabled, Signal signal) {
			if (enabled) {
				set.add(signal);
			}
		}

	}

	/**
	 * Limits on decoding.
	 */
	public static class Decoding {

		/**
		 * Most encoded candidate spans decoded per text.
		 */
		private int maxSpans = 32;

		/**
		 * Most characters decoded per candidate span.
		 */
		private int maxChars = 4096;

		public int getMaxSpans() {
			return this.maxSpans;
		}

		public void setMaxSpans(int maxSpans) {
			this.maxSpans = maxSpans;
		}

		public int getMaxChars() {
			return this.maxChars;
		}

		public void setMaxChars(int maxChars) {
			this.maxChars = maxChars;
		}

	}

}
