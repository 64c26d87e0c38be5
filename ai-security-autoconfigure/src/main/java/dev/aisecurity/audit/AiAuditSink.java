package dev.aisecurity.audit;

/**
 * Receives every {@link AiAuditRecord}: an application event, a log line, a database row.
 * Implementations must not throw for a single bad record and must be fast or
 * asynchronous: they run on the caller's thread.
 */
@FunctionalInterface
public interface AiAuditSink {

	void accept(AiAuditRecord record);

}
