package dev.aisecurity.rag;

import java.util.Set;

import org.springframework.ai.document.Document;

/**
 * Receives documents the ingestion guard found poisoned under
 * {@link IngestionAction#QUARANTINE}: a review queue, a separate store, a ticket. The
 * document carries its provenance and verdict in its metadata and its sanitised text (no
 * secrets or personal data). Implementations must not throw for one document; an
 * exception drops the document and is counted.
 */
@FunctionalInterface
public interface QuarantineHandler {

	/**
	 * Quarantine one document.
	 * @param document the document with provenance metadata
	 * @param reasonCodes why it was quarantined
	 */
	void quarantine(Document document, Set<String> reasonCodes);

}
