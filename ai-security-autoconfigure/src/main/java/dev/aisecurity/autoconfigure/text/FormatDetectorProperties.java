package dev.aisecurity.autoconfigure.text;

import dev.aisecurity.guard.text.FormatLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the malformed-input scanner (scanner id {@code format}): invalid UTF-16,
 * control characters, binary content and character flooding.
 */
@ConfigurationProperties(prefix = "ai.security.detectors.format")
public class FormatDetectorProperties {

	/**
	 * Whether the format scanner is registered.
	 */
	private boolean enabled = true;

	/**
	 * Longest run of one repeated character that still counts as text.
	 */
	private int maxCharacterRun = 1024;

	/**
	 * Longest stretch, in characters, made of one short unit repeated.
	 */
	private int maxRepeatedSpan = 4096;

	/**
	 * Longest unit, in characters, that max-repeated-span looks for.
	 */
	private int maxUnitLength = 64;

	/**
	 * Share of binary marks (control characters, U+FFFD, lone surrogates) above which a
	 * text counts as binary content; at least 4 such marks are needed.
	 */
	private double maxBinaryShare = 0.05;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxCharacterRun() {
		return this.maxCharacterRun;
	}

	public void setMaxCharacterRun(int maxCharacterRun) {
		this.maxCharacterRun = maxCharacterRun;
	}

	public int getMaxRepeatedSpan() {
		return this.maxRepeatedSpan;
	}

	public void setMaxRepeatedSpan(int maxRepeatedSpan) {
		this.maxRepeatedSpan = maxRepeatedSpan;
	}

	public int getMaxUnitLength() {
		return this.maxUnitLength;
	}

	public void setMaxUnitLength(int maxUnitLength) {
		this.maxUnitLength = maxUnitLength;
	}

	public double getMaxBinaryShare() {
		return this.maxBinaryShare;
	}

	public void setMaxBinaryShare(double maxBinaryShare) {
		this.maxBinaryShare = maxBinaryShare;
	}

	FormatLimits toLimits() {
		return new FormatLimits(this.maxCharacterRun, this.maxRepeatedSpan, this.maxUnitLength, this.maxBinaryShare);
	}

}
