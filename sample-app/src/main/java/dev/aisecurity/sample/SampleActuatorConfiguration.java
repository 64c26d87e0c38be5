package dev.aisecurity.sample;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The actuator of the sample: health is public, everything else (metrics, prometheus,
 * auditevents, aimodels) needs the ADMIN role. The rules are a customizer that Spring
 * Security applies to every {@link HttpSecurity} before the starter's default chain adds
 * its own, so the default chain stays in place. The in-memory audit repository keeps the
 * latest audit events (AI interactions, refusals, logins) for
 * {@code /actuator/auditevents}.
 */
@Configuration(proxyBeanMethods = false)
class SampleActuatorConfiguration {

	@Bean
	AuditEventRepository auditEventRepository() {
		return new InMemoryAuditEventRepository(1000);
	}

	@Bean
	Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> actuatorAccess() {
		return (requests) -> requests.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole("ADMIN");
	}

}
