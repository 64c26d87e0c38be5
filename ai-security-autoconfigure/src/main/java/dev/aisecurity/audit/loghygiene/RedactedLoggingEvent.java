package dev.aisecurity.audit.loghygiene;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A view of a logging event whose message is the redacted one. The raw message pattern is
 * replaced too and the arguments are hidden, so layouts and encoders that read them
 * (instead of the formatted message) cannot bypass the redaction.
 */
final class RedactedLoggingEvent implements ILoggingEvent {

	private final ILoggingEvent event;

	private final String message;

	RedactedLoggingEvent(ILoggingEvent event, String message) {
		this.event = event;
		this.message = message;
	}

	@Override
	public String getMessage() {
		return this.message;
	}

	@Override
	public Object[] getArgumentArray() {
		return null;
	}

	@Override
	public String getFormattedMessage() {
		return this.message;
	}

	@Override
	public String getThreadName() {
		return this.event.getThreadName();
	}

	@Override
	public Level getLevel() {
		return this.event.getLevel();
	}

	@Override
	public String getLoggerName() {
		return this.event.getLoggerName();
	}

	@Override
	public LoggerContextVO getLoggerContextVO() {
		return this.event.getLoggerContextVO();
	}

	@Override
	public IThrowableProxy getThrowableProxy() {
		return this.event.getThrowableProxy();
	}

	@Override
	public StackTraceElement[] getCallerData() {
		return this.event.getCallerData();
	}

	@Override
	public boolean hasCallerData() {
		return this.event.hasCallerData();
	}

	@Override
	public Marker getMarker() {
		return this.event.getMarker();
	}

	@Override
	public List<Marker> getMarkerList() {
		return this.event.getMarkerList();
	}

	@Override
	public Map<String, String> getMDCPropertyMap() {
		return this.event.getMDCPropertyMap();
	}

	@Override
	@SuppressWarnings("deprecation")
	public Map<String, String> getMdc() {
		return this.event.getMdc();
	}

	@Override
	public long getTimeStamp() {
		return this.event.getTimeStamp();
	}

	@Override
	public int getNanoseconds() {
		return this.event.getNanoseconds();
	}

	@Override
	public java.time.Instant getInstant() {
		return this.event.getInstant();
	}

	@Override
	public long getSequenceNumber() {
		return this.event.getSequenceNumber();
	}

	@Override
	public List<KeyValuePair> getKeyValuePairs() {
		return this.event.getKeyValuePairs();
	}

	@Override
	public void prepareForDeferredProcessing() {
		this.event.prepareForDeferredProcessing();
	}

}
