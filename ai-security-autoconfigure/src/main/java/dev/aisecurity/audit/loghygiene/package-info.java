/**
 * Log hygiene: redaction of PII and secrets from the formatted message of every Logback
 * event, as defence in depth behind the rule that application code never logs them.
 */
package dev.aisecurity.audit.loghygiene;
