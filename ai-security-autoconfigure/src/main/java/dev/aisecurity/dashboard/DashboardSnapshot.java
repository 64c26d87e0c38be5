package dev.aisecurity.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.aisecurity.actuate.PostureEndpoint;
import dev.aisecurity.actuate.PostureEvaluator;
import dev.aisecurity.ai.MetricsVerdictListener;
import dev.aisecurity.audit.DriftAuditSink;
import dev.aisecurity.audit.ExtractionGuardAdvisor;
import dev.aisecurity.audit.RateLimitMetrics;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import dev.aisecurity.guard.extraction.ExtractionScore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the dashboard shows, read from the running application: the guard counters by
 * detector and decision (Micrometer {@code ai.security.findings} and
 * {@code ai.security.verdicts}), rate-limit refusals by tier
 * ({@code ai.security.ratelimit.rejections}), model-extraction alerts, the principals
 * with the highest extraction scores, output anomalies by kind, drift deviations by
 * metric and the posture checklist. Metadata only: counts, codes, principal ids, never
 * text. Every part is optional and left empty when its source is absent.
 */
public class DashboardSnapshot {

	/** Counter of output anomalies (registered by the output guard's configuration). */
	static final String OUTPUT_ANOMALIES = "ai.security.output.anomalies";

	private final Supplier<MeterRegistry> meters;

	private final Supplier<ExtractionDetector> extraction;

	private final Supplier<PostureEvaluator> posture;

	private final int topPrincipals;

	private final Clock clock;

	/**
	 * Create the snapshot source.
	 * @param meters the meter registry, or a supplier of null
	 * @param extraction the extraction detector, or a supplier of null
	 * @param posture the posture evaluator, or a supplier of null
	 * @param topPrincipals how many principals with the highest extraction scores to show
	 * @param clock the clock
	 */
	public DashboardSnapshot(Supplier<MeterRegistry> meters, Supplier<ExtractionDetector> extraction,
			Supplier<PostureEvaluator> posture, int topPrincipals, Clock clock) {
		this.meters = meters;
		this.extraction = extraction;
		this.posture = posture;
		this.topPrincipals = topPrincipals;
		this.clock = clock;
	}

	/**
	 * Take a snapshot now.
	 * @return the snapshot as JSON-ready maps and lists
	 */
	public Map<String, Object> take() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("generatedAt", this.clock.instant().toString());
		MeterRegistry registry = this.meters.get();
		body.put("verdicts",
				(registry != null) ? sumBy(registry, MetricsVerdictListener.VERDICTS, "decision") : Map.of());
		body.put("detectors", (registry != null) ? detectors(registry) : List.of());
		body.put("rateLimitRejections",
				(registry != null) ? sumBy(registry, RateLimitMetrics.REJECTIONS, "tier") : Map.of());
		body.put("extractionAlerts",
				(registry != null) ? sumBy(registry, ExtractionGuardAdvisor.METRIC, "action") : Map.of());
		body.put("extractionScores", extractionScores());
		body.put("outputAnomalies", (registry != null) ? sumBy(registry, OUTPUT_ANOMALIES, "kind") : Map.of());
		body.put("driftDeviations",
				(registry != null) ? sumBy(registry, DriftAuditSink.DEVIATIONS, "metric") : Map.of());
		PostureEvaluator evaluator = this.posture.get();
		body.put("posture", (evaluator != null) ? PostureEndpoint.describe(evaluator.evaluate()) : null);
		return body;
	}

	private static Map<String, Long> sumBy(MeterRegistry registry, String name, String tag) {
		Map<String, Long> sums = new TreeMap<>();
		for (Counter counter : registry.find(name).counters()) {
			String value = counter.getId().getTag(tag);
			sums.merge((value != null) ? value : "none", (long) counter.count(), Long::sum);
		}
		return sums;
	}

	/**
	 * Findings per detector, split by the decision of the run they belong to.
	 */
	private static List<Map<String, Object>> detectors(MeterRegistry registry) {
		Map<String, Map<String, Long>> byDetector = new TreeMap<>();
		for (Counter counter : registry.find(MetricsVerdictListener.FINDINGS).counters()) {
			String detector = counter.getId().getTag("detector");
			String verdict = counter.getId().getTag("verdict");
			Map<String, Long> counts = byDetector.computeIfAbsent((detector != null) ? detector : "unknown",
					(key) -> new LinkedHashMap<>(Map.of("total", 0L, "allow", 0L, "sanitize", 0L, "block", 0L)));
			long count = (long) counter.count();
			counts.merge("total", count, Long::sum);
			if (verdict != null) {
				counts.merge(verdict, count, Long::sum);
			}
		}
		List<Map<String, Object>> detectors = new ArrayList<>();
		byDetector.forEach((detector, counts) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("detector", detector);
			item.putAll(counts);
			detectors.add(item);
		});
		return detectors;
	}

	private List<Map<String, Object>> extractionScores() {
		ExtractionDetector detector = this.extraction.get();
		if (detector == null) {
			return List.of();
		}
		List<Map<String, Object>> scores = new ArrayList<>();
		for (ExtractionScore score : detector.highestScores(this.topPrincipals, this.clock.millis())) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("principal", score.principal());
			item.put("score", Math.round(score.score() * 1000) / 1000.0);
			item.put("action", score.action().name());
			item.put("requests", score.requests());
			scores.add(item);
		}
		return scores;
	}

}
