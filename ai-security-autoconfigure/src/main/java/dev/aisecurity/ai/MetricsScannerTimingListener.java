package dev.aisecurity.ai;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.ScannerTimingListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records how long each guard scanner takes in the Micrometer timer {@value #SCANNER},
 * tagged {@code scanner} (the scanner id) and {@code direction}. Both tags have bounded
 * cardinality: scanner ids come from the configured scanner beans.
 */
public class MetricsScannerTimingListener implements ScannerTimingListener {

	/** Timer of single scanner runs. */
	public static final String SCANNER = "ai.security.scanner";

	private final MeterRegistry registry;

	// Scanner runs are on the hot path: look each timer up once
	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	public MetricsScannerTimingListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onScannerRun(Direction direction, String scannerId, long nanos) {
		this.timers.computeIfAbsent(direction.name() + '/' + scannerId, (key) -> register(direction, scannerId))
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer register(Direction direction, String scannerId) {
		return Timer.builder(SCANNER)
			.description("AI guard run time of one scanner")
			.tag("scanner", scannerId)
			.tag("direction", direction.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

}
