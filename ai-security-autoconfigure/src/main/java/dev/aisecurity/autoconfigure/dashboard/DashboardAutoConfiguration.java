package dev.aisecurity.autoconfigure.dashboard;

import java.time.Clock;

import dev.aisecurity.actuate.PostureEvaluator;
import dev.aisecurity.autoconfigure.actuate.PostureAutoConfiguration;
import dev.aisecurity.autoconfigure.audit.AiAuditAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.autoconfigure.security.AiWebSecurityAutoConfiguration;
import dev.aisecurity.dashboard.DashboardController;
import dev.aisecurity.dashboard.DashboardSnapshot;
import dev.aisecurity.dashboard.RequestVerdictRecorder;
import dev.aisecurity.dashboard.VerdictHeaderAdvice;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The security dashboard page ({@code ai.security.dashboard.enabled=true}, off by
 * default): a chat box showing each reply's verdicts, guard counters by detector,
 * rate-limit refusals by tier, the principals with the highest model-extraction scores
 * and the posture checklist. Served only where {@code @AiGuarded} web security is active,
 * since that is what protects it (ADMIN role plus a second factor).
 */
@AutoConfiguration(after = { AiSecurityAutoConfiguration.class, AiWebSecurityAutoConfiguration.class,
		AiAuditAutoConfiguration.class, PostureAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, SecurityFilterChain.class })
@ConditionalOnBooleanProperty(name = "ai.security.dashboard.enabled")
@ConditionalOnBean(name = "aiGuardedAuthorizationAdvisor")
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DashboardSnapshot aiSecurityDashboardSnapshot(ObjectProvider<MeterRegistry> meters,
			ObjectProvider<ExtractionDetector> extraction, ObjectProvider<PostureEvaluator> posture,
			DashboardProperties properties) {
		return new DashboardSnapshot(meters::getIfUnique, extraction::getIfUnique, posture::getIfUnique,
				properties.getTopPrincipals(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	DashboardController aiSecurityDashboardController(DashboardSnapshot snapshot, DashboardProperties properties) {
		if (!properties.getPath().startsWith("/") || properties.getPath().endsWith("/")) {
			throw new IllegalArgumentException(
					"ai.security.dashboard.path must start with '/' and must not end with '/'");
		}
		String chatPath = StringUtils.hasText(properties.getChatPath()) ? properties.getChatPath() : null;
		return new DashboardController(snapshot, chatPath, properties.getRefreshInterval());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "ai.security.dashboard.verdict-headers", matchIfMissing = true)
	RequestVerdictRecorder aiSecurityRequestVerdictRecorder() {
		return new RequestVerdictRecorder();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "ai.security.dashboard.verdict-headers", matchIfMissing = true)
	VerdictHeaderAdvice aiSecurityVerdictHeaderAdvice() {
		return new VerdictHeaderAdvice(DashboardController.ROLE);
	}

}
