package dev.aisecurity.autoconfigure.actuate;

import java.util.List;

import dev.aisecurity.actuate.PostureEndpoint;
import dev.aisecurity.actuate.PostureEvaluator;
import dev.aisecurity.actuate.PostureStartupReporter;
import dev.aisecurity.autoconfigure.integrity.ModelOperationAuthorizer;
import dev.aisecurity.web.mfa.MfaPolicy;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The security posture: a {@link PostureEvaluator} over the running application, a
 * start-up summary of gaps and the {@code aisecurity} actuator endpoint (admin role to
 * read, through the same authoriser as {@code aimodels}).
 */
@AutoConfiguration(after = KillSwitchAutoConfiguration.class)
@EnableConfigurationProperties(PostureProperties.class)
public class PostureAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PostureEvaluator aiSecurityPostureEvaluator(ListableBeanFactory beans, ConfigurableEnvironment environment,
			PostureProperties properties) {
		List<String> production = properties.getProductionProfiles();
		if (production.isEmpty()) {
			production = Binder.get(environment)
				.bind("ai.security.secrets.production-profiles", Bindable.listOf(String.class))
				.orElse(List.of("prod"));
		}
		return new PostureEvaluator(beans, environment, production, properties.getSecretProperties(),
				properties.isTlsTerminatedUpstream());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "ai.security.posture.log-on-startup", matchIfMissing = true)
	PostureStartupReporter aiSecurityPostureStartupReporter(PostureEvaluator evaluator) {
		return new PostureStartupReporter(evaluator);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(PostureEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PostureEndpoint aiSecurityPostureEndpoint(PostureEvaluator evaluator,
				ObjectProvider<ModelOperationAuthorizer> authorizer, ObjectProvider<MfaPolicy> mfaPolicy) {
			ModelOperationAuthorizer resolved = authorizer
				.getIfAvailable(() -> KillSwitchAutoConfiguration.defaultAuthorizer(mfaPolicy));
			return new PostureEndpoint(evaluator, () -> resolved.authorize(ModelOperationAuthorizer.Operation.READ));
		}

	}

}
