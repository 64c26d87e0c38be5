package dev.aisecurity.dashboard;

import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.VerdictListener;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers the guard verdicts of the current HTTP request (decision and reason codes) in
 * a request attribute, for the {@link VerdictHeaderAdvice}. Guard runs outside a request
 * thread (for example stream chunks on another thread) are not recorded.
 */
public final class RequestVerdictRecorder implements VerdictListener {

	@Override
	public void onVerdict(ScanContext context, Verdict verdict, int textLength, long nanos) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return;
		}
		Object current = attributes.getAttribute(RequestVerdicts.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		RequestVerdicts verdicts;
		if (current instanceof RequestVerdicts existing) {
			verdicts = existing;
		}
		else {
			verdicts = new RequestVerdicts();
			attributes.setAttribute(RequestVerdicts.ATTRIBUTE, verdicts, RequestAttributes.SCOPE_REQUEST);
		}
		verdicts.add(verdict);
	}

}
