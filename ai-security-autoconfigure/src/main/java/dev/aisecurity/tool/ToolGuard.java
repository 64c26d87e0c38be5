package dev.aisecurity.tool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.document.DocumentGuard;
import dev.aisecurity.guard.document.DocumentGuard.DocumentVerdict;
import dev.aisecurity.guard.document.DocumentGuard.Outcome;

/**
 * The checks around one tool call, shared by every {@link GuardedToolCallback}: the
 * caller's authorisation for the tool, its arguments (a pipeline with the tool-argument
 * scanner and, by default, prompt-injection detection), and its result (a
 * {@link DocumentGuard}: injected instructions withhold the result, secrets and personal
 * data are removed from it). Refusals become safe tool errors for the model: JSON naming
 * stable reason codes, never echoing arguments or results.
 */
public final class ToolGuard {

	/** Error of a refused call. */
	public static final String CALL_DENIED = "TOOL_CALL_DENIED";

	/** Error of rejected arguments. */
	public static final String ARGUMENTS_REJECTED = "TOOL_ARGUMENTS_REJECTED";

	/** Error of a withheld result. */
	public static final String RESULT_WITHHELD = "TOOL_RESULT_WITHHELD";

	private final ToolPolicies policies;

	private final ToolAuthorizer authorizer;

	private final GuardPipeline arguments;

	private final DocumentGuard results;

	private final Consumer<ToolCallAuditEvent> audit;

	private final Clock clock;

	/**
	 * @param policies the tools' access policies
	 * @param authorizer decides for the current caller
	 * @param arguments the argument pipeline, or {@code null} not to check arguments
	 * @param results the result guard, or {@code null} not to check results
	 * @param audit receives audit events
	 * @param clock the clock
	 */
	public ToolGuard(ToolPolicies policies, ToolAuthorizer authorizer, GuardPipeline arguments, DocumentGuard results,
			Consumer<ToolCallAuditEvent> audit, Clock clock) {
		this.policies = Objects.requireNonNull(policies, "policies");
		this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
		this.arguments = arguments;
		this.results = results;
		this.audit = Objects.requireNonNull(audit, "audit");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	public ToolPolicies policies() {
		return this.policies;
	}

	/**
	 * Check a call before it runs.
	 * @param tool the tool's name
	 * @param input the arguments (JSON)
	 * @return {@code null} when the call may run, else the tool error for the model
	 */
	public Admission admit(String tool, String input) {
		ToolAuthorizer.Decision decision = this.authorizer.authorize(tool, this.policies.policyFor(tool));
		if (!decision.granted()) {
			publish(decision.principal(), tool, ToolCallAuditEvent.Outcome.DENIED, List.of(decision.code()),
					decision.missingFactors());
			return new Admission(decision.principal(), error(CALL_DENIED, List.of(decision.code())));
		}
		if (this.arguments != null) {
			Verdict verdict = this.arguments.scan(Objects.requireNonNullElse(input, ""), ScanContext.input());
			if (verdict.isBlocked()) {
				List<String> codes = new ArrayList<>(verdict.reasonCodes());
				publish(decision.principal(), tool, ToolCallAuditEvent.Outcome.ARGUMENTS_REJECTED, codes, List.of());
				return new Admission(decision.principal(), error(ARGUMENTS_REJECTED, codes));
			}
		}
		return new Admission(decision.principal(), null);
	}

	/**
	 * Check a result before the model reads it.
	 * @param principal the caller, from {@link #admit}
	 * @param tool the tool's name
	 * @param result what the tool returned
	 * @return what the model gets
	 */
	public String filter(String principal, String tool, String result) {
		if (this.results == null || result == null || result.isEmpty()) {
			return result;
		}
		DocumentVerdict verdict = this.results.scan(result, ScanContext.input());
		List<String> codes = new ArrayList<>(verdict.reasonCodes());
		if (verdict.isPoisoned() || verdict.text() == null) {
			publish(principal, tool, ToolCallAuditEvent.Outcome.RESULT_WITHHELD, codes, List.of());
			return error(RESULT_WITHHELD, codes);
		}
		if (verdict.outcome() != Outcome.CLEAN) {
			publish(principal, tool, ToolCallAuditEvent.Outcome.RESULT_SANITIZED, codes, List.of());
		}
		return verdict.text();
	}

	private void publish(String principal, String tool, ToolCallAuditEvent.Outcome outcome, List<String> codes,
			List<String> missingFactors) {
		try {
			this.audit
				.accept(new ToolCallAuditEvent(this.clock.instant(), principal, tool, outcome, codes, missingFactors));
		}
		catch (RuntimeException ex) {
			// auditing is best effort: the guard's decision stands
		}
	}

	/**
	 * The tool error the model receives: JSON with a stable error and reason codes.
	 */
	static String error(String error, List<String> codes) {
		StringBuilder json = new StringBuilder("{\"error\":\"").append(error).append("\",\"codes\":[");
		for (int i = 0; i < codes.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('"').append(identifier(codes.get(i))).append('"');
		}
		return json.append("],\"message\":\"The tool call was not executed as requested by the security policy.\"}")
			.toString();
	}

	/** Codes are upper-case identifiers; any other character is left out of the JSON. */
	private static String identifier(String code) {
		StringBuilder out = new StringBuilder(code.length());
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * The admission of a call.
	 *
	 * @param principal the caller
	 * @param refusal the tool error, or {@code null} when the call may run
	 */
	public record Admission(String principal, String refusal) {

		public boolean admitted() {
			return this.refusal == null;
		}

	}

}
