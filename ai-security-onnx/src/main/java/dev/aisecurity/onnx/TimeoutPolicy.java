package dev.aisecurity.onnx;

/**
 * What the classifier does when it cannot answer within its latency budget.
 */
public enum TimeoutPolicy {

	/**
	 * Fail the scan: the guard pipeline turns the error into a blocking
	 * {@code GUARD_ERROR} verdict. Secure default.
	 */
	FAIL_CLOSED,

	/**
	 * Abstain: the heuristic signals decide alone.
	 */
	FAIL_OPEN

}
