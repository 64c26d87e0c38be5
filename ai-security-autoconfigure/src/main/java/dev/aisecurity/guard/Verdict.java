package dev.aisecurity.guard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of a pipeline run: metadata plus the text to forward. Its
 * {@link #toString()} never contains the text, so a verdict may be logged.
 *
 * @param decision what to do with the text
 * @param text the text to forward: the original for ALLOW, the rewritten text for
 * SANITIZE, {@code null} for BLOCK
 * @param findings every finding at or above its scanner's threshold, including those only
 * monitored
 * @param blocking the findings that caused a BLOCK (or would have, in monitor mode)
 * @param mode the mode the pipeline ran in; in {@link GuardMode#MONITOR} the decision is
 * always ALLOW
 */
public record Verdict(Decision decision, String text, List<Finding> findings, List<Finding> blocking, GuardMode mode) {

	public Verdict {
		findings = List.copyOf(findings);
		blocking = List.copyOf(blocking);
	}

	public boolean isBlocked() {
		return this.decision == Decision.BLOCK;
	}

	/**
	 * Stable reason codes, blocking findings first, without duplicates. Safe to return to
	 * callers.
	 */
	public Set<String> reasonCodes() {
		Set<String> codes = new LinkedHashSet<>();
		for (Finding finding : this.blocking) {
			codes.add(finding.code());
		}
		for (Finding finding : this.findings) {
			codes.add(finding.code());
		}
		return codes;
	}

	/**
	 * Whether the run found something that would have blocked the text in enforce mode.
	 */
	public boolean wouldBlock() {
		return !this.blocking.isEmpty();
	}

	@Override
	public String toString() {
		return "Verdict[decision=" + this.decision + ", mode=" + this.mode + ", reasons=" + reasonCodes() + "]";
	}

}
