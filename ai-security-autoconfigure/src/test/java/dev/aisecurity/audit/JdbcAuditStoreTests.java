package dev.aisecurity.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JDBC audit store against the PostgreSQL on 127.0.0.1:5432 (database {@code test},
 * user {@code postgres}); skipped with a message when it is not reachable. The
 * Testcontainers variant runs the same tests in a container.
 */
class JdbcAuditStoreTests {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private final String principal = "audit-test-" + UUID.randomUUID();

	protected DataSource dataSource;

	private JdbcAuditStore store;

	protected DataSource dataSource() {
		try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
			assumeTrue(connection.isValid(2), "PostgreSQL on 127.0.0.1:5432 not usable");
		}
		catch (Exception ex) {
			assumeTrue(false, "PostgreSQL on 127.0.0.1:5432 (db test, user postgres) not reachable: "
					+ ex.getClass().getSimpleName());
		}
		return new DriverManagerDataSource(URL, "postgres", "");
	}

	@BeforeEach
	void createSchema() {
		this.dataSource = dataSource();
		ResourceDatabasePopulator schema = new ResourceDatabasePopulator(
				new DefaultResourceLoader().getResource(JdbcAuditStore.SCHEMA));
		schema.execute(this.dataSource);
		// twice: the script is idempotent
		schema.execute(this.dataSource);
		this.store = new JdbcAuditStore(new JdbcTemplate(this.dataSource));
	}

	private AiAuditRecord record(Instant at, AuditOutcome outcome, List<String> reasons) {
		return new AiAuditRecord(at, UUID.randomUUID().toString(), this.principal, "api-key", "pro", "POST /api/chat",
				"call", "gpt-4o-mini", outcome, 42, 17, 5, 7, 12,
				List.of(new AuditVerdict("input", (outcome == AuditOutcome.BLOCKED) ? "block" : "allow", "enforce",
						List.of(new AuditFinding("prompt-injection", "prompt-injection", "PROMPT_INJECTION", 0.93)),
						12_000)),
				reasons, null, 2_000_000, 12_000, "0123456789abcdef", "fedcba9876543210");
	}

	@Test
	void storesAndFindsByPrincipalAndTime() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.store.accept(record(now.minusSeconds(60), AuditOutcome.ALLOWED, List.of()));
		this.store.accept(record(now, AuditOutcome.BLOCKED, List.of("PROMPT_INJECTION", "TOO_LONG")));
		List<StoredAuditRecord> found = this.store.findByPrincipal(this.principal, now.minusSeconds(3600),
				now.plusSeconds(1), 10);
		assertThat(found).hasSize(2);
		assertThat(found.get(0).timestamp()).isEqualTo(now);
		assertThat(found.get(0).outcome()).isEqualTo(AuditOutcome.BLOCKED);
		assertThat(found.get(0).reasons()).containsExactly("PROMPT_INJECTION", "TOO_LONG");
		assertThat(found.get(0).totalTokens()).isEqualTo(12);
		assertThat(found.get(0).verdictsJson()).contains("\"detector\":\"prompt-injection\"").contains("0.93");
		assertThat(this.store.findByPrincipal(this.principal, now.minusSeconds(30), now.plusSeconds(1), 10)).hasSize(1);
		assertThat(this.store.findByPrincipal("someone-else-" + UUID.randomUUID(), now.minusSeconds(3600),
				now.plusSeconds(1), 10))
			.isEmpty();
	}

	@Test
	void purgeDeletesOnlyRecordsOlderThanTheRetention() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.store.accept(record(now.minus(Duration.ofDays(31)), AuditOutcome.ALLOWED, List.of()));
		this.store.accept(record(now.minus(Duration.ofDays(29)), AuditOutcome.ALLOWED, List.of()));
		AuditRetentionPurger purger = new AuditRetentionPurger(this.store, Duration.ofDays(30), "0 0 3 * * *",
				Clock.fixed(now, ZoneOffset.UTC));
		assertThat(purger.purge()).isGreaterThanOrEqualTo(1);
		assertThat(this.store.findByPrincipal(this.principal, now.minus(Duration.ofDays(400)), now, 10)).singleElement()
			.satisfies((stored) -> assertThat(stored.timestamp()).isEqualTo(now.minus(Duration.ofDays(29))));
	}

	@Test
	void indexesExist() {
		List<String> indexes = new JdbcTemplate(this.dataSource)
			.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = ?", String.class, JdbcAuditStore.TABLE);
		assertThat(indexes).contains("ai_audit_record_principal_time", "ai_audit_record_time");
	}

}
