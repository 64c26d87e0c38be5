package dev.aisecurity.audit;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts audited interactions and their token usage in Micrometer. Tags have bounded
 * cardinality: outcome, mode, tier (configured tiers only, {@code none} without one) and
 * the endpoint's mapping pattern; never a principal or text.
 * <ul>
 * <li>{@code ai.security.requests}: outcome, mode, tier, endpoint</li>
 * <li>{@code ai.security.tokens}: tier, type ({@code prompt} or {@code completion})</li>
 * </ul>
 * Blocks and sanitisations by detector are {@code ai.security.findings} (tags detector
 * and verdict), counted by the verdict listener of the guard pipelines.
 */
public class MetricsAuditSink implements AiAuditSink {

	/** Counter of audited interactions. */
	public static final String REQUESTS = "ai.security.requests";

	/** Counter of tokens used. */
	public static final String TOKENS = "ai.security.tokens";

	private final MeterRegistry registry;

	public MetricsAuditSink(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void accept(AiAuditRecord record) {
		String tier = (record.tier() != null) ? record.tier() : "none";
		Counter.builder(REQUESTS)
			.description("Guarded AI interactions by outcome")
			.tag("outcome", record.outcome().name().toLowerCase(Locale.ROOT))
			.tag("mode", record.mode())
			.tag("tier", tier)
			.tag("endpoint", record.endpoint())
			.register(this.registry)
			.increment();
		count(tier, "prompt", record.promptTokens());
		count(tier, "completion", record.completionTokens());
	}

	private void count(String tier, String type, long tokens) {
		if (tokens > 0) {
			Counter.builder(TOKENS)
				.description("Tokens used by guarded AI interactions")
				.baseUnit("tokens")
				.tag("tier", tier)
				.tag("type", type)
				.register(this.registry)
				.increment(tokens);
		}
	}

}
