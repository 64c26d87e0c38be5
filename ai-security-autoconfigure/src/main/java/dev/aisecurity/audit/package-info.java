/**
 * The metadata-only audit trail of guarded AI interactions: one
 * {@link dev.aisecurity.audit.AiAuditRecord} per ChatClient call or stream, written by
 * the {@link dev.aisecurity.audit.AiAuditAdvisor} to its sinks.
 */
package dev.aisecurity.audit;
