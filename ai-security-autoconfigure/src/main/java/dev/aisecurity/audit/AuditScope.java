package dev.aisecurity.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;

/**
 * The guard runs seen during one audited interaction. Thread-safe: a streamed reply may
 * be scanned on another thread.
 */
public final class AuditScope {

	private final List<AuditVerdict> verdicts = new ArrayList<>();

	synchronized void add(ScanContext context, Verdict verdict, long nanos) {
		List<AuditFinding> findings = new ArrayList<>(verdict.findings().size());
		for (Finding finding : verdict.findings()) {
			findings.add(new AuditFinding(finding.detectorId(), finding.category(), finding.code(), finding.score()));
		}
		this.verdicts.add(new AuditVerdict(lower(context.direction().name()), lower(verdict.decision().name()),
				lower(verdict.mode().name()), findings, nanos));
	}

	/**
	 * The runs recorded so far.
	 */
	public synchronized List<AuditVerdict> verdicts() {
		return List.copyOf(this.verdicts);
	}

	synchronized long guardNanos() {
		long sum = 0;
		for (AuditVerdict verdict : this.verdicts) {
			sum += verdict.nanos();
		}
		return sum;
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
