package dev.aisecurity.autoconfigure.watermark;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the response watermark.
 */
@ConfigurationProperties("ai.security.watermark")
public class WatermarkProperties {

	/**
	 * Whether answers get an invisible per-principal fingerprint (zero-width characters).
	 * Off by default: it changes the bytes of every answer.
	 */
	private boolean enabled = false;

	/**
	 * Secret key of the fingerprints, at least 16 characters, the same on every instance
	 * and kept for as long as leaked answers should be traceable (from Vault or the
	 * environment). Required when enabled.
	 */
	private String key;

	/**
	 * Characters of an answer between two marks.
	 */
	private int interval = 400;

	/**
	 * Most marks per answer.
	 */
	private int maxMarks = 8;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public int getInterval() {
		return this.interval;
	}

	public void setInterval(int interval) {
		this.interval = interval;
	}

	public int getMaxMarks() {
		return this.maxMarks;
	}

	public void setMaxMarks(int maxMarks) {
		this.maxMarks = maxMarks;
	}

	@Override
	public String toString() {
		return "WatermarkProperties[enabled=" + this.enabled + ", key=" + ((this.key != null) ? "(set)" : "(none)")
				+ "]";
	}

}
