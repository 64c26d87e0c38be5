package dev.aisecurity.sample;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * The actuator of the sample: health is public, everything else (metrics, prometheus,
 * auditevents, aimodels) needs the ADMIN role. The rules are a customizer that Spring
 * Security applies to every {@link HttpSecurity} before the starter's default chain adds
 * its own, so the default chain stays in place. The in-memory audit repository keeps the
 * latest audit events (AI interactions, refusals, logins) for
 * {@code /actuator/auditevents}.
 * <p>
 * Spring Security's observations of the filter chain and of its URL-level authorization
 * are off (each of the chain's filters would be wrapped in an observation; the
 * authorization observation builds its tags from the caller's authorities and the
 * decision on every request; together a sizeable share of a fast request's CPU): Boot's
 * {@code http.server.requests} already times every request, {@code @AiGuarded} publishes
 * its decisions as events (the sample counts them, refusals are audited), and the sample
 * does no tracing. Authentication observations stay on.
 */
@Configuration(proxyBeanMethods = false)
class SampleActuatorConfiguration {

	@Bean
	AuditEventRepository auditEventRepository() {
		return new InMemoryAuditEventRepository(1000);
	}

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	@Bean
	Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> actuatorAccess() {
		return (requests) -> requests.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole("ADMIN");
	}

}
