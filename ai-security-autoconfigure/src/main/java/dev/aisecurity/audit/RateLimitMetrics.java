package dev.aisecurity.audit;

import dev.aisecurity.ratelimit.RateLimitEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;

/**
 * Counts rate-limit refusals in {@code ai.security.ratelimit.rejections}, tagged by tier,
 * problem code and the quota that refused; never the subject.
 */
public class RateLimitMetrics {

	/** Counter of refusals. */
	public static final String REJECTIONS = "ai.security.ratelimit.rejections";

	private final MeterRegistry registry;

	public RateLimitMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	public void onRateLimited(RateLimitEvent event) {
		Counter.builder(REJECTIONS)
			.description("Requests refused by a rate limit, token budget or concurrency limit")
			.tag("tier", (event.tier() != null) ? event.tier() : "none")
			.tag("code", (event.code() != null) ? event.code() : "none")
			.tag("limit", (event.limit() != null) ? event.limit() : "none")
			.register(this.registry)
			.increment();
	}

}
