package dev.aisecurity.autoconfigure.text;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Unicode scanner (scanner id {@code unicode}), which reports what Unicode
 * sanitisation removed. Sanitisation itself always runs: it is part of every pipeline's
 * preprocessing.
 */
@ConfigurationProperties(prefix = "ai.security.detectors.unicode")
public class UnicodeDetectorProperties {

	/**
	 * Whether the Unicode scanner is registered (invisible characters are removed either
	 * way; without the scanner, text hidden in tag characters no longer blocks).
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
