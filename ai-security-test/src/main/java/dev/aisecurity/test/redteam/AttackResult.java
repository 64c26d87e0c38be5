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
 */
public record AttackResult(String target, String attackId, AttackClass attackClass, String technique, Outcome outcome,
		int status, String code, List<String> reasons, List<String> leaked, String detector, String detail, long millis,
		String preview) {

	public AttackResult {
		reasons = List.copyOf(reasons);
		leaked = List.copyOf(leaked);
	}

}
