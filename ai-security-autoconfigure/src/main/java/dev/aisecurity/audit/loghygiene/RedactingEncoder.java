package dev.aisecurity.audit.loghygiene;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Wraps an appender's encoder so that every event reaches it with a redacted message.
 * Works for any encoder that reads the event (pattern layouts, Spring Boot's structured
 * JSON encoder), because it changes the event, not the pattern.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

	private final Encoder<ILoggingEvent> delegate;

	private final LogRedactor redactor;

	public RedactingEncoder(Encoder<ILoggingEvent> delegate, LogRedactor redactor) {
		this.delegate = delegate;
		this.redactor = redactor;
		setContext(delegate.getContext());
	}

	/**
	 * The wrapped encoder.
	 */
	public Encoder<ILoggingEvent> delegate() {
		return this.delegate;
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		String message;
		try {
			message = this.redactor.redact(event.getFormattedMessage());
		}
		catch (RuntimeException ex) {
			message = LogRedactor.WITHHELD;
		}
		return this.delegate.encode(new RedactedLoggingEvent(event, message));
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

	@Override
	public void start() {
		this.delegate.start();
	}

	@Override
	public void stop() {
		this.delegate.stop();
	}

	@Override
	public boolean isStarted() {
		return this.delegate.isStarted();
	}

}
