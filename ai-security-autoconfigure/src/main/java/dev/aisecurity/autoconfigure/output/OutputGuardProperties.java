package dev.aisecurity.autoconfigure.output;

import java.time.Duration;

import dev.aisecurity.autoconfigure.guard.AiSecurityProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the output guard advisor. Shares the {@code ai.security.output} prefix with
 * {@link AiSecurityProperties.Output} ({@code enabled}, {@code scanners.*}).
 */
@ConfigurationProperties("ai.security.output")
public class OutputGuardProperties {

	/**
	 * What a blocked output does: throw an AiGuardException with direction OUTPUT
	 * ("exception"; streams end with that error) or answer with the refusal message
	 * ("refusal"; streams end with it).
	 */
	private AiSecurityProperties.OnBlock onBlock = AiSecurityProperties.OnBlock.EXCEPTION;

	/**
	 * The answer given instead of a blocked output when on-block is "refusal".
	 */
	private String refusalMessage = "Sorry, I can't share that answer.";

	/**
	 * Whether a random per-request canary is appended to the system prompt, so that the
	 * system-prompt leak scanner recognises it in the answer.
	 */
	private boolean canary = true;

	/**
	 * Order of the output guard advisor. Default HIGHEST_PRECEDENCE + 250: between chat
	 * memory and tool calling, so it sees the final model output and memory stores the
	 * guarded answer.
	 */
	private int order = dev.aisecurity.ai.OutputGuardAdvisor.ORDER;

	/**
	 * The streaming guard.
	 */
	private final Stream stream = new Stream();

	/**
	 * Unusual-output detection.
	 */
	private final Anomaly anomaly = new Anomaly();

	public AiSecurityProperties.OnBlock getOnBlock() {
		return this.onBlock;
	}

	public void setOnBlock(AiSecurityProperties.OnBlock onBlock) {
		this.onBlock = onBlock;
	}

	public String getRefusalMessage() {
		return this.refusalMessage;
	}

	public void setRefusalMessage(String refusalMessage) {
		this.refusalMessage = refusalMessage;
	}

	public boolean isCanary() {
		return this.canary;
	}

	public void setCanary(boolean canary) {
		this.canary = canary;
	}

	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	public Stream getStream() {
		return this.stream;
	}

	public Anomaly getAnomaly() {
		return this.anomaly;
	}

	/**
	 * Streaming guard settings.
	 */
	public static class Stream {

		/**
		 * Most characters held back before text is released even without a safe boundary.
		 * Bounds the added latency of a stream.
		 */
		private int hold = 256;

		/**
		 * Characters kept back behind every release: the reach of the longest entity the
		 * scanners look for, so entities split across chunks are caught.
		 */
		private int lookahead = 64;

		/**
		 * Released characters scanned again with the held text, for detectors that need
		 * context (system-prompt overlap, PII context words).
		 */
		private int context = 160;

		/**
		 * Characters that must be releasable before held text is scanned, so a stream of
		 * small chunks is scanned every few chunks rather than on each.
		 */
		private int minRelease = 32;

		public int getMinRelease() {
			return this.minRelease;
		}

		public void setMinRelease(int minRelease) {
			this.minRelease = minRelease;
		}

		public int getHold() {
			return this.hold;
		}

		public void setHold(int hold) {
			this.hold = hold;
		}

		public int getLookahead() {
			return this.lookahead;
		}

		public void setLookahead(int lookahead) {
			this.lookahead = lookahead;
		}

		public int getContext() {
			return this.context;
		}

		public void setContext(int context) {
			this.context = context;
		}

	}

	/**
	 * Unusual-output detection: metric {@code ai.security.output.anomalies} and an
	 * {@code OutputAnomalyEvent}, metadata only.
	 */
	public static class Anomaly {

		/**
		 * Whether unusual output is reported.
		 */
		private boolean enabled = true;

		/**
		 * An output this many times longer than the running baseline is unusual.
		 */
		private double lengthFactor = 5.0;

		/**
		 * Outputs shorter than this are never unusual for their length.
		 */
		private int minLength = 2000;

		/**
		 * Outputs seen before the length baseline is trusted.
		 */
		private int minSamples = 20;

		/**
		 * Share of redacted characters in one output that is unusual.
		 */
		private double redactionShare = 0.3;

		/**
		 * Refusals (blocked outputs or model refusals) of one caller within the refusal
		 * window that are unusual.
		 */
		private int refusals = 3;

		/**
		 * The refusal window.
		 */
		private Duration refusalWindow = Duration.ofMinutes(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getLengthFactor() {
			return this.lengthFactor;
		}

		public void setLengthFactor(double lengthFactor) {
			this.lengthFactor = lengthFactor;
		}

		public int getMinLength() {
			return this.minLength;
		}

		public void setMinLength(int minLength) {
			this.minLength = minLength;
		}

		public int getMinSamples() {
			return this.minSamples;
		}

		public void setMinSamples(int minSamples) {
			this.minSamples = minSamples;
		}

		public double getRedactionShare() {
			return this.redactionShare;
		}

		public void setRedactionShare(double redactionShare) {
			this.redactionShare = redactionShare;
		}

		public int getRefusals() {
			return this.refusals;
		}

		public void setRefusals(int refusals) {
			this.refusals = refusals;
		}

		public Duration getRefusalWindow() {
			return this.refusalWindow;
		}

		public void setRefusalWindow(Duration refusalWindow) {
			this.refusalWindow = refusalWindow;
		}

	}

}
