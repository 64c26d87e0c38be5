package dev.aisecurity.audit;

import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.VerdictListener;

/**
 * Collects the guard runs of the interaction the current thread is auditing into its
 * {@link AuditScope}. The {@link AiAuditAdvisor} opens the scope around the advisor
 * chain; runs outside a scope are ignored.
 */
public final class AuditVerdictCollector implements VerdictListener {

	private final ThreadLocal<AuditScope> current = new ThreadLocal<>();

	@Override
	public void onVerdict(ScanContext context, Verdict verdict, int textLength, long nanos) {
		AuditScope scope = this.current.get();
		if (scope != null) {
			scope.add(context, verdict, nanos);
		}
	}

	/**
	 * Make the scope the current thread's, returning the previous one to
	 * {@link #restore(AuditScope) restore} afterwards.
	 */
	AuditScope enter(AuditScope scope) {
		AuditScope previous = this.current.get();
		this.current.set(scope);
		return previous;
	}

	void restore(AuditScope previous) {
		if (previous == null) {
			this.current.remove();
		}
		else {
			this.current.set(previous);
		}
	}

}
