package dev.aisecurity.audit;

import javax.sql.DataSource;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link JdbcAuditStoreTests} against PostgreSQL in a container, where Docker exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class JdbcAuditStoreContainerTests extends JdbcAuditStoreTests {

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Override
	protected DataSource dataSource() {
		return new DriverManagerDataSource(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
	}

}
