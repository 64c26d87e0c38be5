package dev.aisecurity.autoconfigure.guard;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.GuardMode;
import dev.aisecurity.guard.ScannerPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the guard pipelines: the mode, and per direction which scanners run
 * and how their findings are treated.
 */
@ConfigurationProperties("ai.security")
public class AiSecurityProperties {

	/**
	 * Whether verdicts are enforced ("enforce") or only logged and counted ("monitor",
	 * for rolling the guard out on live traffic).
	 */
	private GuardMode mode = GuardMode.ENFORCE;

	/**
	 * Key for the keyed hashes (HMAC-SHA256) of texts written to logs and metrics, so
	 * that equal texts can be correlated without being stored. At least 16 characters.
	 * When unset, a random key is generated per process: hashes are then comparable only
	 * within one run of one instance.
	 */
	private String hashKey;

	/**
	 * The input guard: text on its way to the model.
	 */
	private final Input input = new Input();

	/**
	 * The output guard: text coming back from the model.
	 */
	private final Output output = new Output();

	public GuardMode getMode() {
		return this.mode;
	}

	public void setMode(GuardMode mode) {
		this.mode = mode;
	}

	public String getHashKey() {
		return this.hashKey;
	}

	public void setHashKey(String hashKey) {
		this.hashKey = hashKey;
	}

	public Input getInput() {
		return this.input;
	}

	public Output getOutput() {
		return this.output;
	}

	/**
	 * What the edge does with a blocked input.
	 */
	public enum OnBlock {

		/**
		 * Throw an {@code AiGuardException} carrying the reason codes (web apps get a
		 * problem detail).
		 */
		EXCEPTION,

		/** Answer with the configured refusal message instead of calling the model. */
		REFUSAL

	}

	/**
	 * Input guard settings.
	 */
	public static class Input {

		/**
		 * Whether the input guard is added to every ChatClient and ChatModel.
		 */
		private boolean enabled = true;

		/**
		 * Whether system messages are scanned too. Off by default: system prompts are
		 * written by the application; switch this on when they embed user content (for
		 * example a user profile or retrieved documents).
		 */
		private boolean scanSystemMessages = false;

		/**
		 * What a blocked input does: throw an AiGuardException ("exception") or answer
		 * with the refusal message without calling the model ("refusal").
		 */
		private OnBlock onBlock = OnBlock.EXCEPTION;

		/**
		 * The answer given instead of calling the model when on-block is "refusal".
		 */
		private String refusalMessage = "Sorry, I can't help with that request.";

		/**
		 * Whether ChatModel beans are wrapped in a guarding decorator as well, so that
		 * ChatClient.create(model), ChatClient.builder(model) and direct model calls are
		 * guarded too. A prompt the ChatClient advisor already scanned is not scanned
		 * again.
		 */
		private boolean guardChatModels = true;

		/**
		 * Per-scanner overrides of the default policy, keyed by scanner id.
		 */
		private Map<String, Scanner> scanners = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isScanSystemMessages() {
			return this.scanSystemMessages;
		}

		public void setScanSystemMessages(boolean scanSystemMessages) {
			this.scanSystemMessages = scanSystemMessages;
		}

		public OnBlock getOnBlock() {
			return this.onBlock;
		}

		public void setOnBlock(OnBlock onBlock) {
			this.onBlock = onBlock;
		}

		public String getRefusalMessage() {
			return this.refusalMessage;
		}

		public void setRefusalMessage(String refusalMessage) {
			this.refusalMessage = refusalMessage;
		}

		public boolean isGuardChatModels() {
			return this.guardChatModels;
		}

		public void setGuardChatModels(boolean guardChatModels) {
			this.guardChatModels = guardChatModels;
		}

		public Map<String, Scanner> getScanners() {
			return this.scanners;
		}

		public void setScanners(Map<String, Scanner> scanners) {
			this.scanners = scanners;
		}

	}

	/**
	 * Output guard settings.
	 */
	public static class Output {

		/**
		 * Whether the output guard is added to every ChatClient.
		 */
		private boolean enabled = true;

		/**
		 * Per-scanner overrides of the default policy, keyed by scanner id.
		 */
		private Map<String, Scanner> scanners = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, Scanner> getScanners() {
			return this.scanners;
		}

		public void setScanners(Map<String, Scanner> scanners) {
			this.scanners = scanners;
		}

	}

	/**
	 * Overrides for one scanner; anything left unset keeps the scanner's own default.
	 */
	public static class Scanner {

		/**
		 * Whether the scanner runs. Unset: the scanner's default (built-in scanners are
		 * on).
		 */
		private Boolean enabled;

		/**
		 * Minimum score (0 to 1) at which a finding takes effect. Unset: the scanner's
		 * default.
		 */
		private Double threshold;

		/**
		 * What a finding at or above the threshold does: "block", "sanitize" or
		 * "monitor". Unset: the scanner's default.
		 */
		private Action action;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public Double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(Double threshold) {
			this.threshold = threshold;
		}

		public Action getAction() {
			return this.action;
		}

		public void setAction(Action action) {
			this.action = action;
		}

		/**
		 * This override applied to a scanner's default policy.
		 * @param defaults the scanner's default policy for the direction
		 * @return the effective policy
		 */
		public ScannerPolicy applyTo(ScannerPolicy defaults) {
			return new ScannerPolicy((this.enabled != null) ? this.enabled : defaults.enabled(),
					(this.threshold != null) ? this.threshold : defaults.threshold(),
					(this.action != null) ? this.action : defaults.action());
		}

	}

}
