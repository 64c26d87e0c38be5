package dev.aisecurity.audit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes every record as one JSON line at INFO to the logger {@value #LOGGER_NAME}, so it
 * can be routed to its own appender or shipped as is.
 */
public class LoggingAuditSink implements AiAuditSink {

	/** The logger of the audit trail. */
	public static final String LOGGER_NAME = "ai.security.audit";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	@Override
	public void accept(AiAuditRecord record) {
		if (logger.isInfoEnabled()) {
			logger.info(record.toJson());
		}
	}

}
