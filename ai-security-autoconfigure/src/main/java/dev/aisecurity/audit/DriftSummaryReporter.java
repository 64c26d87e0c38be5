package dev.aisecurity.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.aisecurity.guard.drift.DriftDetector;
import dev.aisecurity.guard.drift.DriftMetric;
import dev.aisecurity.guard.drift.DriftSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Logs a drift summary (one INFO line per endpoint and metric) at a fixed interval on its
 * own daemon thread (no {@code @EnableScheduling} needed), and exposes the baselines as
 * the gauges {@value #MEAN} and {@value #SIGMA} (tags metric and endpoint).
 */
public class DriftSummaryReporter implements InitializingBean, DisposableBean {

	/** Gauge of a baseline's mean. */
	public static final String MEAN = "ai.security.drift.baseline.mean";

	/** Gauge of a baseline's sigma. */
	public static final String SIGMA = "ai.security.drift.baseline.sigma";

	private static final Log logger = LogFactory.getLog(DriftSummaryReporter.class);

	private final DriftDetector detector;

	private final MeterRegistry registry;

	private final Duration interval;

	private final Set<String> gauged = new HashSet<>();

	private ThreadPoolTaskScheduler scheduler;

	/**
	 * A reporter.
	 * @param detector the detector
	 * @param registry the meter registry, or {@code null}
	 * @param interval the summary interval
	 */
	public DriftSummaryReporter(DriftDetector detector, MeterRegistry registry, Duration interval) {
		this.detector = detector;
		this.registry = registry;
		this.interval = interval;
	}

	/**
	 * Log the summary and register gauges of baselines seen for the first time.
	 * @return the snapshots summarised
	 */
	public synchronized List<DriftSnapshot> report() {
		List<DriftSnapshot> snapshots = this.detector.snapshot();
		for (DriftSnapshot snapshot : snapshots) {
			if (logger.isInfoEnabled() && snapshot.count() > 0) {
				logger.info(String.format(Locale.ROOT,
						"AI drift summary: endpoint=%s metric=%s n=%d mean=%.4f sigma=%.4f deviations=%d",
						snapshot.endpoint(), snapshot.metric().id(), snapshot.count(), snapshot.mean(),
						snapshot.sigma(), snapshot.deviations()));
			}
			gauge(snapshot.endpoint(), snapshot.metric());
		}
		return snapshots;
	}

	private void gauge(String endpoint, DriftMetric metric) {
		if (this.registry == null || !this.gauged.add(endpoint + '\n' + metric.id())) {
			return;
		}
		DriftDetector source = this.detector;
		Gauge.builder(MEAN, source, (d) -> value(d.snapshot(endpoint, metric), true))
			.description("Running baseline mean of an endpoint's metric")
			.tag("metric", metric.id())
			.tag("endpoint", endpoint)
			.register(this.registry);
		Gauge.builder(SIGMA, source, (d) -> value(d.snapshot(endpoint, metric), false))
			.description("Running baseline standard deviation of an endpoint's metric")
			.tag("metric", metric.id())
			.tag("endpoint", endpoint)
			.register(this.registry);
	}

	private static double value(DriftSnapshot snapshot, boolean mean) {
		if (snapshot == null) {
			return Double.NaN;
		}
		return mean ? snapshot.mean() : snapshot.sigma();
	}

	@Override
	public void afterPropertiesSet() {
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("ai-drift-summary-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		this.scheduler.scheduleAtFixedRate(() -> {
			try {
				report();
			}
			catch (RuntimeException ex) {
				logger.warn("Drift summary failed: " + ex.getClass().getName());
			}
		}, Instant.now().plus(this.interval), this.interval);
	}

	@Override
	public void destroy() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
		}
	}

}
