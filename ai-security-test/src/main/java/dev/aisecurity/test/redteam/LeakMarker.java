package dev.aisecurity.test.redteam;

import java.util.Objects;

/**
 * Something that must never appear in an answer: a canary, a secret, a piece of personal
 * data, a fragment of the system prompt, an attacker's host.
 *
 * @param kind what the marker is (the report shows the kind, never the value)
 * @param value the text to look for; matched ignoring case, white space and dashes
 * @param detector id of the detector that should have kept it out of the answer
 */
public record LeakMarker(String kind, String value, String detector) {

	/** Kind of a canary planted in the system prompt. */
	public static final String CANARY = "canary";

	/** Kind of a fragment of the system prompt. */
	public static final String SYSTEM_PROMPT = "system-prompt";

	/** Kind of a credential. */
	public static final String SECRET = "secret";

	/** Kind of a piece of personal data. */
	public static final String PII = "pii";

	/** Kind of an attacker's host in a link or image. */
	public static final String EXFILTRATION_URL = "exfiltration-url";

	public LeakMarker {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(detector, "detector");
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A leak marker needs a non-blank value");
		}
	}

	public static LeakMarker canary(String value) {
		return new LeakMarker(CANARY, value, "system-prompt-leak");
	}

	public static LeakMarker systemPrompt(String fragment) {
		return new LeakMarker(SYSTEM_PROMPT, fragment, "system-prompt-leak");
	}

	public static LeakMarker secret(String value) {
		return new LeakMarker(SECRET, value, "secrets");
	}

	public static LeakMarker pii(String value) {
		return new LeakMarker(PII, value, "pii");
	}

	public static LeakMarker exfiltrationUrl(String host) {
		return new LeakMarker(EXFILTRATION_URL, host, "exfiltration");
	}

}
