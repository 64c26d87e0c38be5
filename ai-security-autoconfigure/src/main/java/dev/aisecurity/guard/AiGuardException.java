package dev.aisecurity.guard;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A guard refused a text. Carries the direction and the stable reason codes, never the
 * text, so it may be logged and mapped to an error response as it is.
 */
public class AiGuardException extends RuntimeException {

	private final Direction direction;

	private final List<String> reasonCodes;

	/**
	 * Create an exception for a refused text.
	 * @param direction input to the model or output from it
	 * @param reasonCodes the stable reason codes, blocking ones first
	 */
	public AiGuardException(Direction direction, Set<String> reasonCodes) {
		super(describe(direction, reasonCodes));
		this.direction = Objects.requireNonNull(direction, "direction");
		this.reasonCodes = List.copyOf(reasonCodes);
	}

	/**
	 * Create an exception for a blocked verdict.
	 * @param direction input or output
	 * @param verdict the verdict
	 * @return the exception
	 */
	public static AiGuardException of(Direction direction, Verdict verdict) {
		return new AiGuardException(direction, verdict.reasonCodes());
	}

	private static String describe(Direction direction, Set<String> reasonCodes) {
		return "AI " + ((direction == Direction.OUTPUT) ? "output" : "input") + " blocked: " + reasonCodes;
	}

	public Direction getDirection() {
		return this.direction;
	}

	/**
	 * The stable reason codes, blocking ones first. Safe to return to callers.
	 */
	public List<String> getReasonCodes() {
		return this.reasonCodes;
	}

}
