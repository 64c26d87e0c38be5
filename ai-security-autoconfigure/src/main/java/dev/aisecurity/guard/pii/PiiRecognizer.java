package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds one or more kinds of personal data. Implementations extract candidates in linear
 * time (hand-written scanning or RE2/J) and validate them (checksums, ranges, lengths)
 * before reporting; they are thread-safe and keep nothing of the text.
 */
public interface PiiRecognizer {

	/**
	 * The entity types this recogniser can report.
	 */
	Set<String> types();

	/**
	 * Report the entities found in the text, with their base scores (context words are
	 * applied afterwards by the analyzer).
	 * @param text the text with its token index
	 * @param out where to add entities
	 */
	void recognize(PiiText text, List<PiiEntity> out);

}
