package dev.aisecurity.autoconfigure.text;

import dev.aisecurity.guard.text.SizeLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size limits of the input guard (scanner id {@code size}). Tokens are estimated without
 * a tokenizer: about one per four English letters, one per CJK character, one per
 * punctuation mark.
 */
@ConfigurationProperties(prefix = "ai.security.detectors.size")
public class SizeDetectorProperties {

	/**
	 * Whether the size scanner is registered.
	 */
	private boolean enabled = true;

	/**
	 * Most characters (UTF-16 units) one message may have.
	 */
	private int maxMessageCharacters = SizeLimits.DEFAULT_MAX_MESSAGE_CHARACTERS;

	/**
	 * Most estimated tokens one message may have.
	 */
	private long maxMessageTokens = SizeLimits.DEFAULT_MAX_MESSAGE_TOKENS;

	/**
	 * Most characters all messages of one prompt may have together.
	 */
	private long maxPromptCharacters = SizeLimits.DEFAULT_MAX_PROMPT_CHARACTERS;

	/**
	 * Most estimated tokens all messages of one prompt may have together.
	 */
	private long maxPromptTokens = SizeLimits.DEFAULT_MAX_PROMPT_TOKENS;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxMessageCharacters() {
		return this.maxMessageCharacters;
	}

	public void setMaxMessageCharacters(int maxMessageCharacters) {
		this.maxMessageCharacters = maxMessageCharacters;
	}

	public long getMaxMessageTokens() {
		return this.maxMessageTokens;
	}

	public void setMaxMessageTokens(long maxMessageTokens) {
		this.maxMessageTokens = maxMessageTokens;
	}

	public long getMaxPromptCharacters() {
		return this.maxPromptCharacters;
	}

	public void setMaxPromptCharacters(long maxPromptCharacters) {
		this.maxPromptCharacters = maxPromptCharacters;
	}

	public long getMaxPromptTokens() {
		return this.maxPromptTokens;
	}

	public void setMaxPromptTokens(long maxPromptTokens) {
		this.maxPromptTokens = maxPromptTokens;
	}

	SizeLimits toLimits() {
		return new SizeLimits(this.maxMessageCharacters, this.maxMessageTokens, this.maxPromptCharacters,
				this.maxPromptTokens);
	}

}
