package dev.aisecurity.autoconfigure.integrity;

import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.TrustedKeySource;
import dev.aisecurity.web.mfa.MfaPolicy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of model integrity: the {@link ModelIntegrityManager} (verified at
 * start-up by {@link ModelIntegrityStartupVerifier} before any bean exists, or here when
 * that listener did not run), the {@code aimodels} actuator endpoint and its
 * authorization.
 */
@AutoConfiguration
@Conditional(ModelIntegrityAutoConfiguration.OnManifestOrBundleCondition.class)
@EnableConfigurationProperties(ModelIntegrityProperties.class)
public class ModelIntegrityAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ModelIntegrityAutoConfiguration.class);

	@Bean(name = ModelIntegrityStartupVerifier.MANAGER_BEAN_NAME)
	@ConditionalOnMissingBean
	ModelIntegrityManager aiSecurityModelIntegrityManager(ModelIntegrityProperties properties,
			ResourceLoader resourceLoader, ObjectProvider<TrustedKeySource> keySources) {
		ModelIntegrityManager manager = ModelIntegrityManagers.create(properties,
				ModelIntegrityManagers.source(properties, resourceLoader), resourceLoader.getClassLoader(),
				keySources.orderedStream().toList(), logger);
		if (properties.isVerifyOnStartup()) {
			manager.initialize();
		}
		return manager;
	}

	/**
	 * On when a manifest or a Sigstore bundle is configured.
	 */
	static class OnManifestOrBundleCondition extends AnyNestedCondition {

		OnManifestOrBundleCondition() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnProperty(prefix = ModelIntegrityProperties.PREFIX, name = "manifest")
		static class Manifest {

		}

		@ConditionalOnProperty(prefix = ModelIntegrityProperties.PREFIX, name = "sigstore.bundle")
		static class Bundle {

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.authorization.AuthorizationManagerFactories")
	static class SecurityAuthorizerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModelOperationAuthorizer aiSecurityModelOperationAuthorizer(ModelIntegrityProperties properties,
				ObjectProvider<MfaPolicy> mfaPolicy) {
			return new SecurityModelOperationAuthorizer(properties.getAdmin(), mfaPolicy::getIfAvailable);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.authorization.AuthorizationManagerFactories")
	static class DenyingAuthorizerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModelOperationAuthorizer aiSecurityModelOperationAuthorizer() {
			// Fail closed: without Spring Security nobody can be identified as an admin
			return (operation) -> {
				throw new ModelOperationDeniedException(
						"The aimodels endpoint needs Spring Security or a ModelOperationAuthorizer bean");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(ModelsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModelsEndpoint aiModelsEndpoint(ModelIntegrityManager manager, ModelOperationAuthorizer authorizer,
				ApplicationEventPublisher publisher) {
			return new ModelsEndpoint(manager, authorizer, publisher);
		}

	}

}
