package dev.aisecurity.autoconfigure.actuate;

import dev.aisecurity.actuate.KillSwitch;
import dev.aisecurity.actuate.KillSwitchAdvisor;
import dev.aisecurity.actuate.KillSwitchChatModelPostProcessor;
import dev.aisecurity.actuate.KillSwitchEndpoint;
import dev.aisecurity.actuate.KillSwitchWebHandler;
import dev.aisecurity.autoconfigure.integrity.ModelIntegrityAutoConfiguration;
import dev.aisecurity.autoconfigure.integrity.ModelIntegrityProperties;
import dev.aisecurity.autoconfigure.integrity.ModelOperationAuthorizer;
import dev.aisecurity.autoconfigure.security.AiWebSecurityAutoConfiguration;
import dev.aisecurity.web.mfa.MfaPolicy;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The incident-response {@link KillSwitch}: a {@link KillSwitchAdvisor} at the front of
 * every ChatClient built from the auto-configured builder, a decorator around every
 * {@link ChatModel} bean, 503 problems for {@code @AiGuarded} endpoints, and the
 * {@code aikillswitch} actuator endpoint (authorised like {@code aimodels}: admin role to
 * read, admin role plus MFA to change).
 */
@AutoConfiguration(after = { ModelIntegrityAutoConfiguration.class, AiWebSecurityAutoConfiguration.class })
@ConditionalOnClass(ChatModel.class)
@EnableConfigurationProperties(KillSwitchProperties.class)
public class KillSwitchAutoConfiguration {

	/**
	 * Bean name of the customizer that puts the kill-switch advisor on every ChatClient.
	 */
	public static final String CUSTOMIZER = "aiSecurityKillSwitchCustomizer";

	@Bean
	@ConditionalOnMissingBean
	KillSwitch aiSecurityKillSwitch(KillSwitchProperties properties) {
		return new KillSwitch(properties.isKillSwitch());
	}

	@Bean
	static KillSwitchChatModelPostProcessor aiSecurityKillSwitchChatModelPostProcessor(
			ObjectProvider<KillSwitch> killSwitch) {
		return new KillSwitchChatModelPostProcessor(killSwitch);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClient.class)
	static class ChatClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KillSwitchAdvisor aiSecurityKillSwitchAdvisor(KillSwitch killSwitch) {
			return new KillSwitchAdvisor(killSwitch);
		}

		@Bean(name = CUSTOMIZER)
		@ConditionalOnMissingBean(name = CUSTOMIZER)
		ChatClientBuilderCustomizer aiSecurityKillSwitchCustomizer(KillSwitchAdvisor advisor) {
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ DispatcherServlet.class, WebMvcConfigurer.class })
	static class WebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KillSwitchWebHandler aiSecurityKillSwitchWebHandler(KillSwitch killSwitch) {
			return new KillSwitchWebHandler(killSwitch);
		}

		@Bean
		WebMvcConfigurer aiSecurityKillSwitchWebMvcConfigurer(KillSwitchWebHandler handler) {
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(handler);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(KillSwitchEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KillSwitchEndpoint aiKillSwitchEndpoint(KillSwitch killSwitch,
				ObjectProvider<ModelOperationAuthorizer> authorizer, ObjectProvider<MfaPolicy> mfaPolicy,
				ApplicationEventPublisher publisher) {
			ModelOperationAuthorizer resolved = authorizer.getIfAvailable(() -> defaultAuthorizer(mfaPolicy));
			return new KillSwitchEndpoint(killSwitch, () -> resolved.authorize(ModelOperationAuthorizer.Operation.READ),
					() -> resolved.authorize(ModelOperationAuthorizer.Operation.ROLLBACK), publisher);
		}

	}

	static ModelOperationAuthorizer defaultAuthorizer(ObjectProvider<MfaPolicy> mfaPolicy) {
		if (!org.springframework.util.ClassUtils.isPresent(
				"org.springframework.security.authorization.AuthorizationManagerFactories",
				KillSwitchAutoConfiguration.class.getClassLoader())) {
			// fail closed: without Spring Security nobody may flip the switch
			// remotely
			return (operation) -> {
				throw new IllegalStateException(
						"The aikillswitch endpoint needs Spring Security or a ModelOperationAuthorizer bean");
			};
		}
		return ModelOperationAuthorizer.springSecurity(new ModelIntegrityProperties.Admin(), mfaPolicy::getIfAvailable);
	}

}
