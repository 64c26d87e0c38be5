package dev.aisecurity.guard.extraction;

/**
 * The model-extraction assessment of one request of one principal.
 *
 * @param score the combined score in [0, 1]
 * @param action what to do
 * @param requests requests in the window
 * @param requestsPerMinute request rate over the window
 * @param templatedShare share of prompts that fill the same template as an earlier one
 * @param nearDuplicateShare share of prompts nearly equal (SimHash) to an earlier one
 * @param outputTokens output tokens in the window
 */
public record ExtractionAssessment(double score, ExtractionAction action, int requests, double requestsPerMinute,
		double templatedShare, double nearDuplicateShare, long outputTokens) {

}
