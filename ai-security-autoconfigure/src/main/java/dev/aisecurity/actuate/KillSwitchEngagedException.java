package dev.aisecurity.actuate;

/**
 * Thrown instead of calling a model while the {@link KillSwitch} is engaged; answered as
 * a 503 problem with code {@value #CODE} on the web. The message is fixed.
 */
public class KillSwitchEngagedException extends RuntimeException {

	/** The stable problem code. */
	public static final String CODE = "AI_KILL_SWITCH_ACTIVE";

	/**
	 * Create the exception.
	 */
	public KillSwitchEngagedException() {
		super("AI calls are suspended by the kill switch", null, false, false);
	}

}
