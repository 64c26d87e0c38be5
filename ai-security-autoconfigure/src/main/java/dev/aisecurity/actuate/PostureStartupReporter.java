package dev.aisecurity.actuate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs the posture once the application is ready: one line per gap (control, status,
 * evidence, advice; never a secret), at WARN on production profiles and INFO elsewhere.
 */
public class PostureStartupReporter implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(PostureStartupReporter.class);

	private final PostureEvaluator evaluator;

	/**
	 * Create the reporter.
	 * @param evaluator evaluates the checklist
	 */
	public PostureStartupReporter(PostureEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		PostureReport report = this.evaluator.evaluate();
		for (String line : lines(report)) {
			if (report.production()) {
				logger.warn(line);
			}
			else {
				logger.info(line);
			}
		}
	}

	/**
	 * The log lines of a report: one per gap, or one saying there is none.
	 * @param report the report
	 * @return the lines
	 */
	public static java.util.List<String> lines(PostureReport report) {
		String profile = report.production() ? "production" : "non-production";
		if (report.gaps().isEmpty()) {
			return java.util.List
				.of("AI security posture (" + profile + "): all " + report.controls().size() + " controls active");
		}
		return report.gaps()
			.stream()
			.map((gap) -> "AI security posture gap (" + profile + "): " + gap.id() + " " + gap.status().label() + " ["
					+ gap.evidence() + "] " + gap.advice())
			.toList();
	}

}
