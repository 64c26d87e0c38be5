package dev.aisecurity.audit;

import dev.aisecurity.json.Json;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores audit records in the table {@value #TABLE} (see
 * {@code dev/aisecurity/audit/schema-postgresql.sql}), queried by principal and time, and
 * purges those older than the retention. Writes on the caller's thread.
 */
public class JdbcAuditStore implements AiAuditSink {

	/** The table. */
	public static final String TABLE = "ai_audit_record";

	/** The schema script on the classpath. */
	public static final String SCHEMA = "classpath:dev/aisecurity/audit/schema-postgresql.sql";

	private static final String INSERT = "INSERT INTO " + TABLE
			+ " (occurred_at, request_id, principal, authentication_method, tier, endpoint, mode, model, outcome,"
			+ " input_chars, output_chars, prompt_tokens, completion_tokens, total_tokens, total_micros, guard_micros,"
			+ " input_hash, output_hash, reasons, verdicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
			+ " ?, ?, ?)";

	private static final String SELECT = "SELECT occurred_at, request_id, principal, endpoint, outcome, total_tokens,"
			+ " reasons, input_hash, verdicts FROM " + TABLE;

	private static final int MAX_TEXT = 255;

	private final JdbcTemplate jdbc;

	public JdbcAuditStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void accept(AiAuditRecord record) {
		Map<String, Object> map = record.toMap();
		StringBuilder verdicts = new StringBuilder();
		Json.line(verdicts, map.get("verdicts"));
		this.jdbc.update(INSERT, Timestamp.from(record.timestamp()), record.requestId(), cut(record.principal()),
				record.authenticationMethod(), record.tier(), cut(record.endpoint()), record.mode(),
				cut(record.model()), record.outcome().name(), record.inputChars(), record.outputChars(),
				record.promptTokens(), record.completionTokens(), record.totalTokens(), record.totalNanos() / 1000,
				record.guardNanos() / 1000, record.inputHash(), record.outputHash(),
				cutTo(String.join(",", record.reasons()), 1000), verdicts.toString());
	}

	/**
	 * The records of a principal in [from, to), newest first.
	 */
	public List<StoredAuditRecord> findByPrincipal(String principal, Instant from, Instant to, int limit) {
		return this.jdbc.query(
				SELECT + " WHERE principal = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at DESC"
						+ " LIMIT ?",
				(rs, row) -> new StoredAuditRecord(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
						rs.getString(4), AuditOutcome.valueOf(rs.getString(5)), rs.getLong(6), reasons(rs.getString(7)),
						rs.getString(8), rs.getString(9)),
				principal, Timestamp.from(from), Timestamp.from(to), limit);
	}

	/**
	 * Delete the records older than the given instant.
	 * @return how many were deleted
	 */
	public int purgeOlderThan(Instant cutoff) {
		return this.jdbc.update("DELETE FROM " + TABLE + " WHERE occurred_at < ?", Timestamp.from(cutoff));
	}

	private static List<String> reasons(String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
	}

	private static String cut(String value) {
		return cutTo(value, MAX_TEXT);
	}

	private static String cutTo(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

}
