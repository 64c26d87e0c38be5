package dev.aisecurity.rag;

/**
 * What the ingestion guard does with a poisoned document.
 */
public enum IngestionAction {

	/** Leave it out of the batch. */
	DROP,

	/**
	 * Keep it, sanitised, with {@code ai_security_verdict=POISONED} in its metadata, for
	 * stores that filter at query time and for review; the retrieval guard drops tagged
	 * documents.
	 */
	TAG,

	/**
	 * Hand it to the {@link QuarantineHandler} and leave it out of the batch (dropped
	 * when no handler is defined).
	 */
	QUARANTINE

}
