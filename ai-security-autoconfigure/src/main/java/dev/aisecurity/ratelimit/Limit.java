package dev.aisecurity.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * One quota: at most {@code quota} units per {@code window}, the window starting afresh
 * when it elapses (a fixed window, so that "5 requests per minute" means exactly that).
 *
 * @param name the policy name reported in the {@code RateLimit-Policy} header (e.g.
 * {@code requests-minute})
 * @param quota the number of units (requests or model tokens) per window
 * @param window the window length
 */
public record Limit(String name, long quota, Duration window) {

	public Limit {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(window, "window");
		if (quota < 1) {
			throw new IllegalArgumentException("quota must be positive");
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
	}

}
