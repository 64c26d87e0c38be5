package dev.aisecurity.dashboard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Verdict;

/**
 * The guard verdicts of one HTTP request, summed up: the strongest decision and the
 * reason codes, never any text. Kept as a request attribute by the
 * {@link RequestVerdictRecorder}.
 */
public final class RequestVerdicts {

	/** Request attribute holding the request's verdicts. */
	public static final String ATTRIBUTE = RequestVerdicts.class.getName();

	/** Most reason codes kept, so that a header stays short. */
	static final int MAX_CODES = 16;

	private Decision decision = Decision.ALLOW;

	private final Set<String> codes = new LinkedHashSet<>();

	synchronized void add(Verdict verdict) {
		if (verdict.decision().compareTo(this.decision) > 0) {
			this.decision = verdict.decision();
		}
		for (String code : verdict.reasonCodes()) {
			if (this.codes.size() >= MAX_CODES) {
				break;
			}
			this.codes.add(code);
		}
	}

	/**
	 * The strongest decision of the request's guard runs.
	 * @return ALLOW, SANITIZE or BLOCK
	 */
	public synchronized Decision decision() {
		return this.decision;
	}

	/**
	 * The reason codes of the request's guard runs, in the order found.
	 * @return the codes
	 */
	public synchronized List<String> codes() {
		return List.copyOf(this.codes);
	}

	synchronized String codesHeader() {
		return String.join(",", this.codes);
	}

}
