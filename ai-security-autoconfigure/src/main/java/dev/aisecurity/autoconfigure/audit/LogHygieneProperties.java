package dev.aisecurity.autoconfigure.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of log hygiene: redaction of PII and secrets from every log message.
 */
@ConfigurationProperties("ai.security.audit.log-hygiene")
public class LogHygieneProperties {

	/**
	 * Whether the formatted message of every Logback event is scanned for PII and
	 * secrets, which are replaced before any console or file appender writes it.
	 */
	private boolean enabled = true;

	/**
	 * Messages shorter than this many characters are written unscanned.
	 */
	private int minLength = 6;

	/**
	 * Only this many characters of a message are scanned; the rest is withheld.
	 */
	private int maxLength = 8192;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMinLength() {
		return this.minLength;
	}

	public void setMinLength(int minLength) {
		this.minLength = minLength;
	}

	public int getMaxLength() {
		return this.maxLength;
	}

	public void setMaxLength(int maxLength) {
		this.maxLength = maxLength;
	}

}
