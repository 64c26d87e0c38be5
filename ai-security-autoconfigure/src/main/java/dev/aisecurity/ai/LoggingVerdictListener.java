package dev.aisecurity.ai;

import java.util.Locale;
import java.util.function.Supplier;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.PromptAttributes;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.VerdictListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one structured log event per finding (WARN when the text was blocked, INFO
 * otherwise) and a DEBUG event per clean run. Metadata only: direction, detector id,
 * category, reason code, score, decision, mode, text length and the keyed hash of the
 * text when the edge supplied one ({@link PromptAttributes#TEXT_HASH}). Never the text.
 * The key-value pairs appear as fields in Spring Boot's structured log formats; the
 * message repeats them for plain console logs.
 */
public class LoggingVerdictListener implements VerdictListener {

	/** Logger name, so the events can be routed or silenced on their own. */
	public static final String LOGGER_NAME = "dev.aisecurity.guard.verdicts";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	@Override
	public void onVerdict(ScanContext context, Verdict verdict, int textLength, long nanos) {
		String direction = context.direction().name().toLowerCase(Locale.ROOT);
		String decision = verdict.decision().name().toLowerCase(Locale.ROOT);
		String mode = verdict.mode().name().toLowerCase(Locale.ROOT);
		if (verdict.findings().isEmpty()) {
			if (logger.isDebugEnabled()) {
				logger.atDebug()
					.addKeyValue("direction", direction)
					.addKeyValue("decision", decision)
					.addKeyValue("length", textLength)
					.addKeyValue("micros", nanos / 1000)
					.log("AI guard verdict direction={} decision={} length={} micros={}", direction, decision,
							textLength, nanos / 1000);
			}
			return;
		}
		Level level = verdict.wouldBlock() ? Level.WARN : Level.INFO;
		if (!logger.isEnabledForLevel(level)) {
			return;
		}
		String hash = hash(context);
		for (Finding finding : verdict.findings()) {
			boolean blocking = verdict.blocking().contains(finding);
			LoggingEventBuilder event = logger.atLevel(level)
				.addKeyValue("direction", direction)
				.addKeyValue("detector", finding.detectorId())
				.addKeyValue("category", finding.category())
				.addKeyValue("code", finding.code())
				.addKeyValue("score", finding.score())
				.addKeyValue("blocking", blocking)
				.addKeyValue("decision", decision)
				.addKeyValue("mode", mode)
				.addKeyValue("length", textLength)
				.addKeyValue("textHash", hash);
			event.log(
					"AI guard finding direction={} detector={} category={} code={} score={} blocking={} "
							+ "decision={} mode={} length={} textHash={}",
					direction, finding.detectorId(), finding.category(), finding.code(),
					String.format(Locale.ROOT, "%.2f", finding.score()), blocking, decision, mode, textLength, hash);
		}
	}

	private static String hash(ScanContext context) {
		Object supplier = context.attributes().get(PromptAttributes.TEXT_HASH);
		if (supplier instanceof Supplier<?> hashSupplier) {
			try {
				Object value = hashSupplier.get();
				return (value != null) ? value.toString() : "-";
			}
			catch (RuntimeException ex) {
				return "-";
			}
		}
		return "-";
	}

}
