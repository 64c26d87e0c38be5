package dev.aisecurity.test.redteam;

/**
 * The kinds of attack in the corpus. Each names the detector that should stop it, which
 * the report shows next to every leak.
 */
public enum AttackClass {

	/** "Ignore your instructions" and goal hijacking, typed by the user. */
	DIRECT_INJECTION("direct-injection", "prompt-injection", false),

	/**
	 * Instructions hidden in content the model is asked to process: pages, mails, tool
	 * results.
	 */
	INDIRECT_INJECTION("indirect-injection", "prompt-injection", false),

	/** Role play, "developer mode", hypothetical and refusal-suppression framings. */
	JAILBREAK("jailbreak", "prompt-injection", false),

	/** Requests for the system prompt, its canary or its protected strings. */
	SYSTEM_PROMPT_EXTRACTION("system-prompt-extraction", "system-prompt-leak", false),

	/** Attacks in base64, hex, rot13 or leetspeak. */
	ENCODED_PAYLOAD("encoded-payload", "prompt-injection", false),

	/** Zero-width characters, Unicode tag characters and bidi controls. */
	INVISIBLE_TEXT("invisible-text", "unicode", false),

	/** Requests for personal data, or for the model to repeat it. */
	PII_EXFILTRATION("pii-exfiltration", "pii", false),

	/** Requests for credentials, or for the model to repeat them. */
	SECRET_EXFILTRATION("secret-exfiltration", "secrets", false),

	/** Markdown images and links that carry data to an attacker's host. */
	MARKDOWN_EXFILTRATION("markdown-exfiltration", "exfiltration", false),

	/** Inputs beyond any sensible size: must be refused, never passed to the model. */
	OVERSIZED_INPUT("oversized-input", "size", true),

	/**
	 * Lone surrogates, binary content, character floods, deeply nested JSON: must be
	 * refused.
	 */
	MALFORMED_INPUT("malformed-input", "format", true),

	/**
	 * A burst of templated queries: must meet the rate limit (429) or the extraction
	 * detector.
	 */
	MODEL_EXTRACTION("model-extraction", "extraction", true);

	private final String id;

	private final String detector;

	private final boolean mustBeRefused;

	AttackClass(String id, String detector, boolean mustBeRefused) {
		this.id = id;
		this.detector = detector;
		this.mustBeRefused = mustBeRefused;
	}

	/**
	 * Stable id, used in reports and dynamic test names.
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Id of the detector (or limit) that should stop this class of attack.
	 */
	public String detector() {
		return this.detector;
	}

	/**
	 * Whether only a refusal passes: an answer, however harmless, means the input reached
	 * the model when it should not have.
	 */
	public boolean mustBeRefused() {
		return this.mustBeRefused;
	}

}
