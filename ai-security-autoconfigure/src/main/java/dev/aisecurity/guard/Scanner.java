package dev.aisecurity.guard;

import java.util.List;

/**
 * A detector. Implementations are stateless or thread-safe, run in time linear in the
 * text's length, and never log or keep the text. Spans in returned findings index
 * {@link GuardText#sanitized()}.
 */
public interface Scanner {

	/**
	 * Stable id, used in properties ({@code ai.security.input.scanners.<id>.*}), findings
	 * and metrics.
	 */
	String id();

	/**
	 * Whether this scanner looks at text travelling in the given direction.
	 */
	default boolean supports(Direction direction) {
		return true;
	}

	/**
	 * The policy used when configuration names none for this scanner, per direction (a
	 * PII finding may be tokenised on input and redacted on output, for example).
	 */
	default ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(0.5);
	}

	/**
	 * The action one finding takes under the scanner's effective policy. A scanner whose
	 * codes differ in severity overrides this to keep advisory codes from blocking (for
	 * example, invisible characters that preprocessing already removed are worth
	 * counting, never worth a refusal), so that one scanner id keeps one policy.
	 * @param finding a finding of this scanner, at or above the policy's threshold
	 * @param policy the policy in force
	 * @return the action to take; the default is the policy's action
	 */
	default Action action(Finding finding, ScannerPolicy policy) {
		return policy.action();
	}

	/**
	 * Scan the text.
	 * @param text the text, with its sanitised and normalised views
	 * @param context what else is known
	 * @return the findings, empty when there are none
	 */
	List<Finding> scan(GuardText text, ScanContext context);

}
