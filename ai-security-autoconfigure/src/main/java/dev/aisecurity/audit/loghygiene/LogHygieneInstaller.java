package dev.aisecurity.audit.loghygiene;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.AppenderAttachable;

/**
 * Wraps the encoder of every output-stream appender (console, file, rolling file, also
 * behind an async appender) of a Logback context in a {@link RedactingEncoder}, and puts
 * the original encoders back on {@link #close()}. Appenders added after installation or
 * by a later Logback reconfiguration are not covered.
 */
public final class LogHygieneInstaller implements AutoCloseable {

	private final LoggerContext context;

	private final LogRedactor redactor;

	private final Map<OutputStreamAppender<ILoggingEvent>, Encoder<ILoggingEvent>> originals = new IdentityHashMap<>();

	public LogHygieneInstaller(LoggerContext context, LogRedactor redactor) {
		this.context = context;
		this.redactor = redactor;
	}

	/**
	 * Wrap the encoders of all appenders reachable from the context's loggers.
	 * @return this installer
	 */
	public synchronized LogHygieneInstaller install() {
		for (Logger logger : this.context.getLoggerList()) {
			wrapAll(logger);
		}
		return this;
	}

	/**
	 * The number of appenders whose encoder is wrapped.
	 */
	public synchronized int installedCount() {
		return this.originals.size();
	}

	private void wrapAll(AppenderAttachable<ILoggingEvent> attachable) {
		Iterator<Appender<ILoggingEvent>> appenders = attachable.iteratorForAppenders();
		while (appenders.hasNext()) {
			wrap(appenders.next());
		}
	}

	@SuppressWarnings("unchecked")
	private void wrap(Appender<ILoggingEvent> appender) {
		if (appender instanceof OutputStreamAppender<ILoggingEvent> output) {
			Encoder<ILoggingEvent> encoder = output.getEncoder();
			if (encoder != null && !(encoder instanceof RedactingEncoder) && !this.originals.containsKey(output)) {
				this.originals.put(output, encoder);
				output.setEncoder(new RedactingEncoder(encoder, this.redactor));
			}
		}
		else if (appender instanceof AppenderAttachable<?> attachable) {
			wrapAll((AppenderAttachable<ILoggingEvent>) attachable);
		}
	}

	@Override
	public synchronized void close() {
		this.originals.forEach((appender, original) -> {
			if (appender.getEncoder() instanceof RedactingEncoder) {
				appender.setEncoder(original);
			}
		});
		this.originals.clear();
	}

}
