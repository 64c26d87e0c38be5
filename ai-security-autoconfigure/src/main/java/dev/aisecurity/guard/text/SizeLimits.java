package dev.aisecurity.guard.text;

/**
 * Size limits for prompts. Tokens are estimated with {@link TokenEstimator}.
 *
 * @param maxMessageCharacters most UTF-16 characters one message may have (default
 * 32,000, about 8,000 English tokens)
 * @param maxMessageTokens most estimated tokens one message may have (default 8,000)
 * @param maxPromptCharacters most characters all messages of one prompt may have together
 * (default 100,000)
 * @param maxPromptTokens most estimated tokens all messages of one prompt may have
 * together (default 25,000)
 */
public record SizeLimits(int maxMessageCharacters, long maxMessageTokens, long maxPromptCharacters,
		long maxPromptTokens) {

	/** Default {@link #maxMessageCharacters()}. */
	public static final int DEFAULT_MAX_MESSAGE_CHARACTERS = 32_000;

	/** Default {@link #maxMessageTokens()}. */
	public static final long DEFAULT_MAX_MESSAGE_TOKENS = 8_000;

	/** Default {@link #maxPromptCharacters()}. */
	public static final long DEFAULT_MAX_PROMPT_CHARACTERS = 100_000;

	/** Default {@link #maxPromptTokens()}. */
	public static final long DEFAULT_MAX_PROMPT_TOKENS = 25_000;

	public SizeLimits {
		if (maxMessageCharacters <= 0 || maxMessageTokens <= 0 || maxPromptCharacters <= 0 || maxPromptTokens <= 0) {
			throw new IllegalArgumentException("size limits must be positive");
		}
	}

	/**
	 * The default limits.
	 */
	public static SizeLimits defaults() {
		return new SizeLimits(DEFAULT_MAX_MESSAGE_CHARACTERS, DEFAULT_MAX_MESSAGE_TOKENS, DEFAULT_MAX_PROMPT_CHARACTERS,
				DEFAULT_MAX_PROMPT_TOKENS);
	}

}
