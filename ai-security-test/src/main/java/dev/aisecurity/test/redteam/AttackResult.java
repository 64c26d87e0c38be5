package dev.aisecurity.test.redteam;

import java.util.List;

/**
 * The judged result of one attack. Holds metadata only: never the answer, never a
 * marker's value.
 *
 * @param target the target's name
 * @param attackId the attack id
 * @param attackClass the attack class
 * @param technique the technique
 * @param outcome the outcome
 * @param status the HTTP status, 200 for an in-process answer, -1 for an exception
 * @param code the problem detail's {@code code}, the exception's class name, or
 * {@code REFUSAL}; {@code null} when none
 * @param reasons reason codes from the problem detail or exception
 * @param leaked kinds of what leaked ({@code canary}, {@code secret}, {@code pii}...)
 * @param detector the detector that should have stopped the attack (set for leaks and
 * errors)
 * @param detail a short explanation, without any payload or answer text
 * @param millis how long the attack took
 * @param preview a printable preview of the attack
 * @param answerLength length of the judged answer or error body in characters (SSE
 * {@code data} joined), -1 when nothing was judged; lets a test check that a target did
 * return what it answered, since an empty answer leaks nothing
 */
public record AttackResult(String target, String attackId, AttackClass attackClass, String technique, Outcome outcome,
		int status, String code, List<String> reasons, List<String> leaked, String detector, String detail, long millis,
		String preview, int answerLength) {

	public AttackResult {
		reasons = List.copyOf(reasons);
		leaked = List.copyOf(leaked);
	}

	/**
	 * A result without an answer of its own (skipped, or a summary of several calls).
	 */
	public AttackResult(String target, String attackId, AttackClass attackClass, String technique, Outcome outcome,
			int status, String code, List<String> reasons, List<String> leaked, String detector, String detail,
			long millis, String preview) {
		this(target, attackId, attackClass, technique, outcome, status, code, reasons, leaked, detector, detail, millis,
				preview, -1);
	}

}
