package dev.aisecurity.guard;

/**
 * Told how long each scanner took in every pipeline run, for per-scanner latency metrics.
 * Register one with {@link GuardPipeline.Builder#timingListener}; a pipeline without one
 * does not read the clock per scanner.
 * <p>
 * Called on the scanning thread once per scanner run, including runs that failed;
 * implementations must be fast and must not throw (a thrown exception is ignored).
 */
@FunctionalInterface
public interface ScannerTimingListener {

	/**
	 * @param direction the pipeline's direction
	 * @param scannerId the {@link Scanner#id() id} of the scanner that ran
	 * @param nanos time the scanner took
	 */
	void onScannerRun(Direction direction, String scannerId, long nanos);

}
