package dev.aisecurity.ai;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.VerdictListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts verdicts and findings in Micrometer. Tags carry metadata with bounded
 * cardinality only (directions, decisions, detector ids, categories, codes), never text.
 * <ul>
 * <li>{@code ai.security.verdicts}: decision, direction, mode</li>
 * <li>{@code ai.security.findings}: detector, category, code, verdict, direction, mode,
 * where verdict is the decision of the run the finding belongs to</li>
 * <li>{@code ai.security.scan}: timer of pipeline runs, by direction</li>
 * </ul>
 */
public class MetricsVerdictListener implements VerdictListener {

	/** Counter of pipeline runs. */
	public static final String VERDICTS = "ai.security.verdicts";

	/** Counter of findings. */
	public static final String FINDINGS = "ai.security.findings";

	/** Timer of pipeline runs. */
	public static final String SCAN = "ai.security.scan";

	private final MeterRegistry registry;

	public MetricsVerdictListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onVerdict(ScanContext context, Verdict verdict, int textLength, long nanos) {
		String direction = context.direction().name().toLowerCase(Locale.ROOT);
		String decision = verdict.decision().name().toLowerCase(Locale.ROOT);
		String mode = verdict.mode().name().toLowerCase(Locale.ROOT);
		Counter.builder(VERDICTS)
			.description("AI guard pipeline runs by decision")
			.tag("decision", decision)
			.tag("direction", direction)
			.tag("mode", mode)
			.register(this.registry)
			.increment();
		for (Finding finding : verdict.findings()) {
			Counter.builder(FINDINGS)
				.description("AI guard findings")
				.tag("detector", finding.detectorId())
				.tag("category", finding.category())
				.tag("code", finding.code())
				.tag("verdict", decision)
				.tag("direction", direction)
				.tag("mode", mode)
				.register(this.registry)
				.increment();
		}
		Timer.builder(SCAN)
			.description("AI guard pipeline run time")
			.tag("direction", direction)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}
