package dev.aisecurity.audit;

import java.time.Clock;

import dev.aisecurity.guard.extraction.ExtractionAction;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import dev.aisecurity.ratelimit.TierThrottle;

/**
 * Throttles a principal to a lower rate-limit tier while the {@link ExtractionDetector}
 * asks for a throttle (or a block) for it, when the configured strongest action is
 * {@link ExtractionAction#THROTTLE} or {@link ExtractionAction#BLOCK}.
 */
public final class ExtractionTierThrottle implements TierThrottle {

	private final ExtractionDetector detector;

	private final ExtractionAction maxAction;

	private final String tier;

	private final Clock clock;

	/**
	 * Create the throttle.
	 * @param detector the detector
	 * @param maxAction the strongest action allowed
	 * @param tier the throttle tier name, or null for the lowest tier
	 * @param clock the clock
	 */
	public ExtractionTierThrottle(ExtractionDetector detector, ExtractionAction maxAction, String tier, Clock clock) {
		this.detector = detector;
		this.maxAction = maxAction;
		this.tier = tier;
		this.clock = clock;
	}

	@Override
	public boolean throttled(String principal) {
		if (this.maxAction.compareTo(ExtractionAction.THROTTLE) < 0) {
			return false;
		}
		try {
			return this.detector.currentAction(principal, this.clock.millis())
				.compareTo(ExtractionAction.THROTTLE) >= 0;
		}
		catch (RuntimeException ex) {
			// a shared store that cannot answer: fail closed to the lower tier
			return true;
		}
	}

	@Override
	public String tier() {
		return this.tier;
	}

}
