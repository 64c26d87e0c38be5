package dev.aisecurity.guard.extraction;

/**
 * A principal's latest model-extraction score, as shown on a dashboard. Metadata only.
 *
 * @param principal who
 * @param score the score of the principal's latest request, in [0, 1]
 * @param action what the detector asks for now
 * @param requests requests of the principal in the window
 */
public record ExtractionScore(String principal, double score, ExtractionAction action, int requests) {

}
