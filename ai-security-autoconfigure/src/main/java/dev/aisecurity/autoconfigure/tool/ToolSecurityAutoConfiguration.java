package dev.aisecurity.autoconfigure.tool;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import dev.aisecurity.actuate.PostureContributor;
import dev.aisecurity.actuate.PostureControl;
import dev.aisecurity.audit.AuditableEventBridge;
import dev.aisecurity.autoconfigure.injection.PromptInjectionAutoConfiguration;
import dev.aisecurity.autoconfigure.pii.PiiAutoConfiguration;
import dev.aisecurity.autoconfigure.rag.DocumentGuards;
import dev.aisecurity.autoconfigure.secrets.SecretDetectionAutoConfiguration;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.pii.PiiAnalyzer;
import dev.aisecurity.guard.pii.PiiOperator;
import dev.aisecurity.guard.secrets.SecretScanner;
import dev.aisecurity.guard.tool.ToolArgumentScanner;
import dev.aisecurity.tool.GuardedToolCallback;
import dev.aisecurity.tool.GuardedToolCallingManager;
import dev.aisecurity.tool.SecurityToolAuthorizer;
import dev.aisecurity.tool.ToolAccessPolicy;
import dev.aisecurity.tool.ToolAuthorizer;
import dev.aisecurity.tool.ToolGuard;
import dev.aisecurity.tool.ToolPolicies;
import dev.aisecurity.web.mfa.MfaPolicy;

import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;

/**
 * Guards Spring AI tool calling: every {@link ToolCallingManager} and
 * {@link ToolCallbackResolver} bean is decorated so that each tool call the model makes
 * passes the {@link ToolGuard}: per-tool authorisation ({@code @AiToolGuard} on
 * {@code @Tool} methods of beans, {@code ai.security.tools.policies.*}) against Spring
 * Security's context and the application's MFA policy, argument checks (path traversal,
 * SQL meta-characters, size, prompt injection) and result filtering (injected
 * instructions withhold the result; secrets and personal data are removed). Refusals are
 * safe tool errors for the model and {@link dev.aisecurity.tool.ToolCallAuditEvent}s. Off
 * with {@code ai.security.tools.enabled=false}; each bean backs off to a user-defined
 * one.
 */
@AutoConfiguration(after = { PiiAutoConfiguration.class, SecretDetectionAutoConfiguration.class,
		PromptInjectionAutoConfiguration.class })
@ConditionalOnClass({ ToolCallback.class, ToolCallingManager.class })
@ConditionalOnBooleanProperty(name = "ai.security.tools.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ToolSecurityProperties.class)
public class ToolSecurityAutoConfiguration {

	/** Bean name of the result guard. */
	public static final String RESULT_GUARD = "aiSecurityToolResultGuard";

	/**
	 * The tools' access policies: configured ones now, annotated ones as their beans are
	 * created. Static and free of other beans, for the post-processor.
	 */
	@Bean
	@ConditionalOnMissingBean
	static ToolPolicies aiSecurityToolPolicies(Environment environment) {
		ToolSecurityProperties properties = Binder.get(environment)
			.bind("ai.security.tools", ToolSecurityProperties.class)
			.orElseGet(ToolSecurityProperties::new);
		ToolPolicies policies = new ToolPolicies(
				properties.isRequireAuthentication() ? ToolAccessPolicy.AUTHENTICATED : ToolAccessPolicy.OPEN);
		properties.getPolicies()
			.forEach((tool, policy) -> policies.register(tool,
					new ToolAccessPolicy(true, new HashSet<>(policy.getRoles()), policy.isMfa(), false)));
		return policies;
	}

	@Bean
	static BeanPostProcessor aiSecurityToolGuardPostProcessor(ObjectProvider<ToolPolicies> policies,
			ObjectProvider<ToolGuard> guard) {
		return new ToolGuardPostProcessor(policies, guard);
	}

	@Bean
	@ConditionalOnMissingBean
	ToolGuard aiSecurityToolGuard(ToolPolicies policies, ToolAuthorizer authorizer, ToolSecurityProperties properties,
			ObjectProvider<PromptInjectionScanner> prompts, ObjectProvider<SecretScanner> secrets,
			ObjectProvider<PiiAnalyzer> analyzer, Environment environment, ApplicationEventPublisher publisher) {
		GuardPipeline arguments = null;
		ToolSecurityProperties.Arguments args = properties.getArguments();
		if (args.isEnabled()) {
			GuardPipeline.Builder builder = GuardPipeline.builder()
				.direction(Direction.INPUT)
				.scanner(new ToolArgumentScanner(args.getMaxChars(), args.isShellCheck()));
			if (args.isInjectionCheck()) {
				builder.scanner(prompts.getIfAvailable(PromptInjectionScanner::new));
			}
			arguments = builder.build();
		}
		ToolSecurityProperties.Results results = properties.getResults();
		return new ToolGuard(policies, authorizer, arguments,
				results.isEnabled() ? DocumentGuards.build(
						DocumentGuards.Options.results(results.isRemoveSecrets(), results.isRedactPii(),
								PiiOperator.Kind.REPLACE),
						new DocumentGuards.Detectors(prompts, secrets, analyzer, environment)) : null,
				publisher::publishEvent, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(name = "aiSecurityToolPostureContributor")
	PostureContributor aiSecurityToolPostureContributor(ObjectProvider<ToolGuard> guard,
			ToolSecurityProperties properties) {
		return () -> {
			ToolGuard toolGuard = guard.getIfAvailable();
			if (toolGuard == null) {
				return List.of(new PostureControl("tool-guard", PostureControl.Status.MISSING, "no ToolGuard bean",
						"Keep ai.security.tools.enabled=true so tool calls are authorised and checked."));
			}
			String evidence = "bean ToolGuard, " + toolGuard.policies().size()
					+ " tool policies, ai.security.tools.arguments.enabled=" + properties.getArguments().isEnabled()
					+ ", ai.security.tools.results.enabled=" + properties.getResults().isEnabled();
			if (!properties.getArguments().isEnabled() || !properties.getResults().isEnabled()) {
				return List.of(new PostureControl("tool-guard", PostureControl.Status.DEGRADED, evidence,
						"Check both tool arguments and tool results."));
			}
			return List.of(PostureControl.active("tool-guard", evidence));
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
	static class SecurityAuthorizerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ToolAuthorizer aiSecurityToolAuthorizer(ObjectProvider<MfaPolicy> mfaPolicy) {
			return new SecurityToolAuthorizer(() -> mfaPolicy
				.getIfAvailable(() -> new MfaPolicy(List.of("password", "ott"), List.of("api-key", "totp"), null)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.core.context.SecurityContextHolder")
	static class NoSecurityAuthorizerConfiguration {

		/** Without Spring Security nobody is authenticated: only open tools run. */
		@Bean
		@ConditionalOnMissingBean
		ToolAuthorizer aiSecurityToolAuthorizer() {
			return (tool,
					policy) -> (!policy.authenticated() && !policy.mfa() && policy.roles().isEmpty()
							&& !policy.denyAll()) ? ToolAuthorizer.Decision.granted("anonymous")
									: ToolAuthorizer.Decision.denied("anonymous", ToolAuthorizer.UNAUTHENTICATED,
											List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditApplicationEvent.class)
	@ConditionalOnBooleanProperty(name = "ai.security.audit.events", matchIfMissing = true)
	static class AuditEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditableEventBridge aiSecurityAuditableEventBridge(ApplicationEventPublisher publisher) {
			return new AuditableEventBridge(publisher);
		}

	}

	/**
	 * Registers the {@code @AiToolGuard} policies of every bean with {@code @Tool}
	 * methods, and decorates the tool calling manager and tool callback resolvers.
	 */
	static final class ToolGuardPostProcessor implements BeanPostProcessor {

		private final ObjectProvider<ToolPolicies> policies;

		private final ObjectProvider<ToolGuard> guard;

		ToolGuardPostProcessor(ObjectProvider<ToolPolicies> policies, ObjectProvider<ToolGuard> guard) {
			this.policies = policies;
			this.guard = guard;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof ToolCallingManager manager && !(bean instanceof GuardedToolCallingManager)) {
				return new GuardedToolCallingManager(manager, this.guard::getObject);
			}
			if (bean instanceof ToolCallbackResolver resolver && !(bean instanceof GuardedResolver)) {
				return new GuardedResolver(resolver, this.guard);
			}
			Class<?> type = AopUtils.getTargetClass(bean);
			if (AnnotationUtils.isCandidateClass(type, Tool.class) && !(bean instanceof ToolPolicies)) {
				ToolPolicies registry = this.policies.getIfAvailable();
				if (registry != null) {
					registry.register(type);
				}
			}
			return bean;
		}

	}

	/**
	 * A tool callback resolver whose callbacks are guarded.
	 */
	static final class GuardedResolver implements ToolCallbackResolver {

		private final ToolCallbackResolver delegate;

		private final ObjectProvider<ToolGuard> guard;

		GuardedResolver(ToolCallbackResolver delegate, ObjectProvider<ToolGuard> guard) {
			this.delegate = delegate;
			this.guard = guard;
		}

		@Override
		public ToolCallback resolve(String toolName) {
			return GuardedToolCallback.wrap(this.delegate.resolve(toolName), this.guard.getObject());
		}

	}

}
