package dev.aisecurity.guard;

/**
 * Names of the {@link ScanContext#attributes() attributes} the Spring AI edge sets when
 * it scans the messages of a prompt one by one, so that scanners can judge the prompt as
 * a whole (for example its total size).
 */
public final class PromptAttributes {

	/** Total characters (UTF-16 units) of all messages of the prompt, an Integer. */
	public static final String PROMPT_LENGTH = "ai.security.prompt.length";

	/** Number of messages in the prompt, an Integer. */
	public static final String MESSAGE_COUNT = "ai.security.prompt.messages";

	/** Position of the scanned message in the prompt, from 0, an Integer. */
	public static final String MESSAGE_INDEX = "ai.security.message.index";

	/** Role of the scanned message: {@code user}, {@code system}..., a String. */
	public static final String MESSAGE_ROLE = "ai.security.message.role";

	/**
	 * A {@code java.util.function.Supplier<String>} of the keyed hash (HMAC-SHA256) of
	 * the scanned text, for listeners that log or audit; computed only when asked.
	 */
	public static final String TEXT_HASH = "ai.security.text.hash";

	private PromptAttributes() {
	}

}
