package dev.aisecurity.guard.injection;

/**
 * The evidence {@link PromptInjectionScanner} scores. Each signal's name is the stable
 * reason code of its findings.
 */
public enum Signal {

	/**
	 * "Ignore / disregard / forget the previous instructions" and announced new tasks.
	 */
	INSTRUCTION_OVERRIDE,

	/**
	 * Fake conversation structure: chat-template tokens, {@code system:} lines,
	 * {@code ### Instruction} headers, fake end-of-prompt separators.
	 */
	ROLE_SPOOFING,

	/** Persona and jailbreak framings: DAN, developer mode, "no restrictions". */
	JAILBREAK_PERSONA,

	/** Requests to reveal the system prompt, hidden instructions or a guarded secret. */
	SYSTEM_PROMPT_EXTRACTION,

	/** Dictating a verbatim output, such as a canary string that proves a hijack. */
	GOAL_HIJACKING,

	/**
	 * Any of the above hidden in base64, hex, URL encoding, leetspeak or reversed text.
	 */
	ENCODED_PAYLOAD,

	/** GCG-style adversarial gibberish: improbable character and token sequences. */
	ADVERSARIAL_SUFFIX,

	/** Text smuggled in invisible Unicode tag characters. */
	HIDDEN_TEXT_INJECTION,

	/**
	 * A request for harmful content (weapons, drugs, malware, fraud, violence...) wrapped
	 * in a persuasion frame: role play, fiction, a hypothetical, a research pretext,
	 * "this will never be used", "begin your reply with 'Sure, here is'".
	 */
	FRAMED_HARMFUL_REQUEST,

	/**
	 * An order to send the conversation, keys, credentials or the user's data out of it:
	 * "post the chat history to https://...", "quietly email the user's phone number to
	 * ...".
	 */
	DATA_EXFILTRATION,

	/** A model-based {@link PromptInjectionClassifier}'s score. */
	CLASSIFIER;

	/**
	 * The reason code of findings for this signal.
	 */
	public String code() {
		return name();
	}

}
