package dev.aisecurity.guard;

/**
 * Told about every pipeline run, for logging, metrics and audit. Receives metadata only;
 * implementations must not keep or log {@link Verdict#text()}.
 */
@FunctionalInterface
public interface VerdictListener {

	/**
	 * @param context the run's context
	 * @param verdict the outcome
	 * @param textLength length of the scanned text in UTF-16 units
	 * @param nanos time the run took
	 */
	void onVerdict(ScanContext context, Verdict verdict, int textLength, long nanos);

}
