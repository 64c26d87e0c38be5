package dev.aisecurity.autoconfigure.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the AI audit trail.
 */
@ConfigurationProperties("ai.security.audit")
public class AiAuditProperties {

	/**
	 * Whether every ChatClient interaction writes an audit record (metadata only: who,
	 * endpoint, sizes, token usage, verdicts, timings and keyed hashes, never text).
	 */
	private boolean enabled = true;

	/**
	 * Whether audit records are written as JSON lines to the logger "ai.security.audit".
	 */
	private boolean log = true;

	/**
	 * Whether audit records are published as Spring Boot AuditApplicationEvents (type
	 * AI_INTERACTION), shown by the actuator "auditevents" endpoint when an
	 * AuditEventRepository bean exists.
	 */
	private boolean events = true;

	/**
	 * How long stored audit records are kept before the scheduled purge deletes them.
	 */
	private Duration retention = Duration.ofDays(30);

	/**
	 * Order of the audit advisor in every ChatClient; keep it outside the guards so the
	 * record holds their final verdicts.
	 */
	private int order = dev.aisecurity.audit.AiAuditAdvisor.ORDER;

	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isLog() {
		return this.log;
	}

	public void setLog(boolean log) {
		this.log = log;
	}

	public boolean isEvents() {
		return this.events;
	}

	public void setEvents(boolean events) {
		this.events = events;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * The JDBC audit store.
	 */
	public static class Jdbc {

		/**
		 * Whether audit records are stored in the application's DataSource (table
		 * ai_audit_record, created at start-up when absent).
		 */
		private boolean enabled = false;

		/**
		 * Whether the schema is created at start-up when the table does not exist.
		 */
		private boolean initializeSchema = true;

		/**
		 * Cron expression of the purge of records older than the retention.
		 */
		private String purgeCron = "0 17 3 * * *";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getPurgeCron() {
			return this.purgeCron;
		}

		public void setPurgeCron(String purgeCron) {
			this.purgeCron = purgeCron;
		}

	}

}
