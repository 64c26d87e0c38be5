package dev.aisecurity.test.redteam;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 extension of the red-team kit: resolves {@link RedTeam} parameters (all of a
 * test class share one {@link RedTeamReport}) and writes the report as JSON and HTML
 * after the class, to {@code target/ai-redteam/report.json} and {@code report.html}
 * unless {@link AiRedTeam} says otherwise.
 */
public class RedTeamExtension implements ParameterResolver, AfterAllCallback {

	/** System property that overrides the report directory. */
	public static final String REPORT_DIR_PROPERTY = "ai.redteam.report-dir";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RedTeamExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RedTeam.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return RedTeam.create(report(extensionContext));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		RedTeamReport report = context.getStore(NAMESPACE).get(RedTeamReport.class, RedTeamReport.class);
		if (report == null || report.results().isEmpty()) {
			return;
		}
		AiRedTeam settings = context.getRequiredTestClass().getAnnotation(AiRedTeam.class);
		String directory = System.getProperty(REPORT_DIR_PROPERTY,
				(settings != null) ? settings.directory() : "target/ai-redteam");
		Path json = report.writeTo(Path.of(directory), (settings != null) ? settings.report() : "report");
		context.publishReportEntry("ai-redteam-report", json.toAbsolutePath().toString());
		if ((settings == null || settings.failOnLeak()) && !report.passed()) {
			throw new AssertionFailedError(
					report.failures().size() + " red-team attack(s) leaked or failed; see " + json.toAbsolutePath());
		}
	}

	private static RedTeamReport report(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		String name = classContext.getTestClass().map(Class::getName).orElse("red-team");
		return classContext.getStore(NAMESPACE)
			.getOrComputeIfAbsent(RedTeamReport.class, (key) -> new RedTeamReport(name), RedTeamReport.class);
	}

}
