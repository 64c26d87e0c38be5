package dev.aisecurity.guard;

/**
 * Whether verdicts are enforced.
 */
public enum GuardMode {

	/** BLOCK and SANITIZE verdicts take effect. */
	ENFORCE,

	/**
	 * Findings are logged and counted, nothing is blocked or rewritten: for rolling the
	 * guard out on live traffic before enforcing it.
	 */
	MONITOR

}
