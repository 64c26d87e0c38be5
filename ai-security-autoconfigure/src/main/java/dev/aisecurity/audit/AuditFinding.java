package dev.aisecurity.audit;

/**
 * One finding of a guard run as kept in an audit record: identifiers and a score, never
 * the matched text.
 *
 * @param detector the detector id
 * @param category the finding category
 * @param code the stable reason code
 * @param score the score in [0, 1]
 */
public record AuditFinding(String detector, String category, String code, double score) {

}
