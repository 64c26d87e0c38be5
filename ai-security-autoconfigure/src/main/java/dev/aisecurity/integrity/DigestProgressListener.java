package dev.aisecurity.integrity;

/**
 * Told how far hashing a large artifact has got, so that a start-up that spends a minute
 * on a multi-gigabyte model says why.
 */
@FunctionalInterface
public interface DigestProgressListener {

	/** A listener that ignores progress. */
	DigestProgressListener NONE = (description, bytesRead, totalBytes) -> {
	};

	/**
	 * Called every progress interval and once at the end.
	 * @param description the artifact being hashed (path or URI)
	 * @param bytesRead bytes hashed so far
	 * @param totalBytes the expected total, or {@code -1} if unknown
	 */
	void progress(String description, long bytesRead, long totalBytes);

}
