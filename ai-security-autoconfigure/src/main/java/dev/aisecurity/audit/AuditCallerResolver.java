package dev.aisecurity.audit;

/**
 * Resolves the {@link AuditCaller} of the current call, on the calling thread.
 */
@FunctionalInterface
public interface AuditCallerResolver {

	AuditCaller resolve();

}
