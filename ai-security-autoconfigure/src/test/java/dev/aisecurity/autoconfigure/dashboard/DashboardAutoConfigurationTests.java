package dev.aisecurity.autoconfigure.dashboard;

import java.time.Clock;
import java.util.Map;

import dev.aisecurity.dashboard.DashboardController;
import dev.aisecurity.dashboard.DashboardSnapshot;
import dev.aisecurity.dashboard.RequestVerdictRecorder;
import dev.aisecurity.dashboard.VerdictHeaderAdvice;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard is off by default, on only where {@code @AiGuarded} web security protects
 * it, and backs off to beans of the application.
 */
class DashboardAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DashboardAutoConfiguration.class));

	// stands in for the advisor that AiWebSecurityAutoConfiguration registers
	private final WebApplicationContextRunner secured = this.runner.withBean("aiGuardedAuthorizationAdvisor",
			Object.class, Object::new);

	@Test
	void offByDefault() {
		this.secured.run((context) -> assertThat(context).doesNotHaveBean(DashboardController.class)
			.doesNotHaveBean(RequestVerdictRecorder.class)
			.doesNotHaveBean(VerdictHeaderAdvice.class));
	}

	@Test
	void enabledWithWebSecurity() {
		this.secured.withPropertyValues("ai.security.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(DashboardController.class)
				.hasSingleBean(DashboardSnapshot.class)
				.hasSingleBean(RequestVerdictRecorder.class)
				.hasSingleBean(VerdictHeaderAdvice.class));
	}

	@Test
	void neverServedWithoutTheSecurityThatProtectsIt() {
		this.runner.withPropertyValues("ai.security.dashboard.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(DashboardController.class));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DashboardAutoConfiguration.class))
			.withBean("aiGuardedAuthorizationAdvisor", Object.class, Object::new)
			.withPropertyValues("ai.security.dashboard.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(DashboardController.class));
	}

	@Test
	void verdictHeadersCanBeTurnedOff() {
		this.secured
			.withPropertyValues("ai.security.dashboard.enabled=true", "ai.security.dashboard.verdict-headers=false")
			.run((context) -> assertThat(context).hasSingleBean(DashboardController.class)
				.doesNotHaveBean(RequestVerdictRecorder.class)
				.doesNotHaveBean(VerdictHeaderAdvice.class));
	}

	@Test
	void invalidPathFailsAtStartUp() {
		this.secured.withPropertyValues("ai.security.dashboard.enabled=true", "ai.security.dashboard.path=/ops/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ai.security.dashboard.path"));
	}

	@Test
	void backsOffToTheApplicationsSnapshot() {
		DashboardSnapshot own = new DashboardSnapshot(() -> null, () -> null, () -> null, 5, Clock.systemUTC());
		this.secured.withPropertyValues("ai.security.dashboard.enabled=true")
			.withBean(DashboardSnapshot.class, () -> own)
			.run((context) -> {
				assertThat(context.getBean(DashboardSnapshot.class)).isSameAs(own);
				Map<String, Object> empty = own.take();
				assertThat(empty).containsEntry("detectors", java.util.List.of())
					.containsEntry("extractionScores", java.util.List.of())
					.containsEntry("posture", null);
			});
	}

}
