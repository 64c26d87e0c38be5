package dev.aisecurity.audit;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Deletes stored audit records older than the retention, on a cron schedule, on its own
 * single daemon thread (so it needs no {@code @EnableScheduling}).
 */
public class AuditRetentionPurger implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(AuditRetentionPurger.class);

	private final JdbcAuditStore store;

	private final Duration retention;

	private final String cron;

	private final Clock clock;

	private ThreadPoolTaskScheduler scheduler;

	public AuditRetentionPurger(JdbcAuditStore store, Duration retention, String cron, Clock clock) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("ai.security.audit.retention must be positive");
		}
		this.store = store;
		this.retention = retention;
		this.cron = cron;
		this.clock = clock;
	}

	/**
	 * Purge now.
	 * @return how many records were deleted
	 */
	public int purge() {
		int deleted = this.store.purgeOlderThan(this.clock.instant().minus(this.retention));
		if (deleted > 0) {
			logger.info("Purged " + deleted + " audit records older than " + this.retention);
		}
		return deleted;
	}

	@Override
	public void afterPropertiesSet() {
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("ai-audit-purge-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		this.scheduler.schedule(() -> {
			try {
				purge();
			}
			catch (RuntimeException ex) {
				logger.warn("Audit purge failed: " + ex.getClass().getName());
			}
		}, new CronTrigger(this.cron));
	}

	@Override
	public void destroy() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
		}
	}

}
