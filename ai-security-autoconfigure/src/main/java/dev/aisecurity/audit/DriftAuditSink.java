package dev.aisecurity.audit;

import java.time.Clock;
import java.util.List;

import dev.aisecurity.guard.drift.DriftDetector;
import dev.aisecurity.guard.drift.DriftDeviation;
import dev.aisecurity.guard.drift.DriftObservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Feeds every audit record to a {@link DriftDetector} and reports deviations as
 * {@link DriftDetectedEvent}s and the counter {@value #DEVIATIONS} (tags metric and
 * endpoint, the endpoint's mapping pattern). Never throws.
 */
public class DriftAuditSink implements AiAuditSink {

	/** Counter of deviations from the baselines. */
	public static final String DEVIATIONS = "ai.security.drift.deviations";

	private static final Log logger = LogFactory.getLog(DriftAuditSink.class);

	private final DriftDetector detector;

	private final ApplicationEventPublisher events;

	private final MeterRegistry registry;

	private final Clock clock;

	/**
	 * A sink feeding the detector.
	 * @param detector the detector
	 * @param events where deviations are published
	 * @param registry the meter registry, or {@code null}
	 * @param clock the clock of the event timestamps
	 */
	public DriftAuditSink(DriftDetector detector, ApplicationEventPublisher events, MeterRegistry registry,
			Clock clock) {
		this.detector = detector;
		this.events = events;
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public void accept(AiAuditRecord record) {
		try {
			boolean blocked = record.verdicts().stream().anyMatch((verdict) -> "block".equals(verdict.decision()));
			DriftObservation observation = new DriftObservation(record.endpoint(), record.inputChars(),
					record.outputChars(), blocked, record.outcome() == AuditOutcome.BLOCKED, record.totalNanos());
			List<DriftDeviation> deviations = this.detector.observe(observation);
			for (DriftDeviation deviation : deviations) {
				report(deviation);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Drift detection failed: " + ex.getClass().getName());
		}
	}

	private void report(DriftDeviation deviation) {
		if (this.registry != null) {
			Counter.builder(DEVIATIONS)
				.description("Observations beyond k sigma of their endpoint's running baseline")
				.tag("metric", deviation.metric().id())
				.tag("endpoint", deviation.endpoint())
				.register(this.registry)
				.increment();
		}
		this.events.publishEvent(new DriftDetectedEvent(this.clock.instant(), deviation.endpoint(),
				deviation.metric().id(), deviation.value(), deviation.mean(), deviation.sigma()));
	}

}
