package dev.aisecurity.audit.loghygiene;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.guard.secrets.SecretScanner;

/**
 * Redacts PII and secrets from log messages with the engine's {@link SecretScanner} and
 * {@link PiiScanner} under SANITIZE policies. Never throws: when redaction fails the
 * whole message is withheld (fail closed).
 */
public final class LogRedactor {

	/** Replaces a message whose redaction failed. */
	public static final String WITHHELD = "[message withheld: redaction failed]";

	/** Appended when a message longer than the scanned maximum is cut. */
	public static final String TRUNCATED = " [log hygiene: rest of message withheld]";

	private static final ThreadLocal<Boolean> REDACTING = new ThreadLocal<>();

	private final GuardPipeline pipeline;

	private final int minLength;

	private final int maxLength;

	/**
	 * A redactor with the default secret rules and PII recognisers.
	 * @param minLength messages shorter than this are not scanned
	 * @param maxLength only this many characters are scanned; the rest is withheld
	 */
	public LogRedactor(int minLength, int maxLength) {
		this(GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanner(new SecretScanner())
			.policy(SecretScanner.ID, ScannerPolicy.sanitize(0.5))
			.scanner(PiiScanner.withDefaults())
			.policy(PiiScanner.ID, ScannerPolicy.sanitize(PiiScanner.DEFAULT_THRESHOLD))
			.build(), minLength, maxLength);
	}

	/**
	 * A redactor running the given pipeline (its BLOCK verdicts withhold the message).
	 */
	public LogRedactor(GuardPipeline pipeline, int minLength, int maxLength) {
		if (maxLength < 1) {
			throw new IllegalArgumentException("maxLength must be positive");
		}
		this.pipeline = pipeline.withoutListeners();
		this.minLength = Math.max(0, minLength);
		this.maxLength = maxLength;
	}

	/**
	 * The first maxLength characters, cut at the last whitespace so that a secret or
	 * number is not split into an unrecognisable fragment that stays visible.
	 */
	private String prefix(String message) {
		int end = this.maxLength;
		while (end > 0 && !Character.isWhitespace(message.charAt(end - 1))) {
			end--;
		}
		return message.substring(0, end);
	}

	/**
	 * The message with PII and secrets replaced; {@code null} stays {@code null}.
	 */
	public String redact(String message) {
		if (message == null || message.length() < this.minLength) {
			return message;
		}
		if (REDACTING.get() != null) {
			// A scanner that logs would recurse; its own messages are not trusted either
			return WITHHELD;
		}
		REDACTING.set(Boolean.TRUE);
		try {
			boolean cut = message.length() > this.maxLength;
			String scanned = cut ? prefix(message) : message;
			Verdict verdict = this.pipeline.scan(scanned);
			if (verdict.decision() == Decision.BLOCK || verdict.text() == null) {
				return WITHHELD;
			}
			return cut ? verdict.text() + TRUNCATED : verdict.text();
		}
		catch (RuntimeException | StackOverflowError ex) {
			return WITHHELD;
		}
		finally {
			REDACTING.remove();
		}
	}

}
