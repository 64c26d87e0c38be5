package dev.aisecurity.audit;

import dev.aisecurity.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The audit record of one guarded AI interaction. Metadata only: who, where, sizes, token
 * usage, verdicts, timings and keyed hashes of the texts; never a prompt or a reply.
 *
 * @param timestamp when the interaction started
 * @param requestId a random id of this interaction
 * @param principal the caller's name, {@code anonymous} when unauthenticated
 * @param authenticationMethod how the caller authenticated ({@code api-key}, {@code jwt},
 * {@code password}, ... or {@code none})
 * @param tier the caller's rate-limit tier, or {@code null}
 * @param endpoint the HTTP endpoint pattern ({@code POST /api/chat}) or the advisor when
 * outside a web request
 * @param mode {@code call} or {@code stream}
 * @param model the model that answered (or was asked), or {@code null}
 * @param outcome the outcome
 * @param inputChars the prompt's length in UTF-16 units (all messages)
 * @param outputChars the reply's length in UTF-16 units
 * @param promptTokens prompt tokens reported by the model, or -1
 * @param completionTokens completion tokens reported by the model, or -1
 * @param totalTokens total tokens reported by the model, or -1
 * @param verdicts the guard runs of this interaction, in order
 * @param reasons reason codes of a refusal, empty otherwise
 * @param error the exception type of a failure, or {@code null}
 * @param totalNanos wall time of the interaction
 * @param guardNanos time spent in guard pipelines
 * @param inputHash keyed hash (HMAC-SHA256, truncated) of the prompt
 * @param outputHash keyed hash of the reply, or {@code null} when there was none
 */
public record AiAuditRecord(Instant timestamp, String requestId, String principal, String authenticationMethod,
		String tier, String endpoint, String mode, String model, AuditOutcome outcome, int inputChars, int outputChars,
		long promptTokens, long completionTokens, long totalTokens, List<AuditVerdict> verdicts, List<String> reasons,
		String error, long totalNanos, long guardNanos, String inputHash, String outputHash) {

	/** The type of the {@code AuditApplicationEvent}s carrying these records. */
	public static final String AUDIT_TYPE = "AI_INTERACTION";

	public AiAuditRecord {
		verdicts = List.copyOf(verdicts);
		reasons = List.copyOf(new LinkedHashSet<>(reasons));
	}

	/**
	 * The record as a flat-ish map of plain values (strings, numbers, lists, maps), for
	 * audit events and JSON.
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("timestamp", this.timestamp.toString());
		map.put("requestId", this.requestId);
		map.put("principal", this.principal);
		map.put("authenticationMethod", this.authenticationMethod);
		putIfPresent(map, "tier", this.tier);
		map.put("endpoint", this.endpoint);
		map.put("mode", this.mode);
		putIfPresent(map, "model", this.model);
		map.put("outcome", this.outcome.name());
		map.put("inputChars", this.inputChars);
		map.put("outputChars", this.outputChars);
		map.put("promptTokens", this.promptTokens);
		map.put("completionTokens", this.completionTokens);
		map.put("totalTokens", this.totalTokens);
		List<Object> runs = new ArrayList<>();
		for (AuditVerdict verdict : this.verdicts) {
			Map<String, Object> run = new LinkedHashMap<>();
			run.put("direction", verdict.direction());
			run.put("decision", verdict.decision());
			run.put("mode", verdict.mode());
			run.put("micros", verdict.nanos() / 1000);
			List<Object> findings = new ArrayList<>();
			for (AuditFinding finding : verdict.findings()) {
				Map<String, Object> f = new LinkedHashMap<>();
				f.put("detector", finding.detector());
				f.put("category", finding.category());
				f.put("code", finding.code());
				f.put("score", finding.score());
				findings.add(f);
			}
			run.put("findings", findings);
			runs.add(run);
		}
		map.put("verdicts", runs);
		map.put("reasons", List.copyOf(this.reasons));
		putIfPresent(map, "error", this.error);
		map.put("totalMicros", this.totalNanos / 1000);
		map.put("guardMicros", this.guardNanos / 1000);
		map.put("inputHash", this.inputHash);
		putIfPresent(map, "outputHash", this.outputHash);
		return map;
	}

	/**
	 * The record as one line of JSON.
	 */
	public String toJson() {
		StringBuilder json = new StringBuilder(512);
		Json.line(json, toMap());
		return json.toString();
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
