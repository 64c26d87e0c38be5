package dev.aisecurity.autoconfigure.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import dev.aisecurity.ratelimit.TieredRateLimiter;
import dev.aisecurity.web.AiGuarded;
import dev.aisecurity.web.AiGuardedAdmissionInterceptor;
import dev.aisecurity.web.AiGuardedAnnotations;
import dev.aisecurity.web.AiGuardedAuthorizationAdvisor;
import dev.aisecurity.web.AiGuardedAuthorizationManager;
import dev.aisecurity.web.AiGuardedRequestMatcher;
import dev.aisecurity.web.AiSecurityAccessDeniedHandler;
import dev.aisecurity.web.AiSecurityAuthenticationEntryPoint;
import dev.aisecurity.web.AiSecurityExceptionResolver;
import dev.aisecurity.web.AiSecurityHttpConfigurer;
import dev.aisecurity.web.AiSecurityRequestRejectedHandler;
import dev.aisecurity.web.StrictFirewallRules;
import dev.aisecurity.web.AuditEventBridge;
import dev.aisecurity.web.ClientKind;
import dev.aisecurity.web.RateLimitSubjectResolver;
import dev.aisecurity.web.apikey.ApiKeyAuthenticationFilter;
import dev.aisecurity.web.apikey.ApiKeyHash;
import dev.aisecurity.web.apikey.ApiKeyRecord;
import dev.aisecurity.web.apikey.ApiKeyResolver;
import dev.aisecurity.web.apikey.ApiKeyStore;
import dev.aisecurity.web.apikey.InMemoryApiKeyStore;
import dev.aisecurity.web.mfa.DefaultMissingFactorHandler;
import dev.aisecurity.web.mfa.InMemoryTotpSecretStore;
import dev.aisecurity.web.mfa.LoginPageFilter;
import dev.aisecurity.web.mfa.MfaPolicy;
import dev.aisecurity.web.mfa.MissingFactorHandler;
import dev.aisecurity.web.mfa.Totp;
import dev.aisecurity.web.mfa.TotpLoginFilter;
import dev.aisecurity.web.mfa.TotpSecretStore;
import dev.aisecurity.web.mfa.TotpVerifier;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@link AiGuarded} endpoints on Spring Security: the method-authorization advisor, the
 * admission (rate-limit) advisor, API key authentication, TOTP, the missing-factor hook
 * and RFC 9457 answers for 401/403/413/429.
 * <p>
 * A {@link SecurityFilterChain} is created only when the application defines none
 * ({@link ConditionalOnDefaultWebSecurity}): {@code @AiGuarded} handlers are permitted at
 * the URL level (their annotation decides, deny by default), every other request needs
 * authentication; form login (plus one-time-token login when a
 * {@link OneTimeTokenGenerationSuccessHandler} bean exists, and the TOTP step of a
 * browser login, {@link TotpLoginFilter}, when a {@link TotpVerifier} exists) and the
 * {@link AiSecurityHttpConfigurer}. Requests that carry an API key get a stateless chain
 * of their own before it (no session, CSRF, login or logout filters). With a chain of its
 * own, an application applies the {@link AiSecurityHttpConfigurer} bean to get API keys
 * and the problem answers.
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, DispatcherServlet.class })
@ConditionalOnBooleanProperty(name = "ai.security.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ AiWebSecurityProperties.class, ApiKeyProperties.class, MfaProperties.class })
public class AiWebSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AiGuardedAnnotations aiGuardedAnnotations() {
		return new AiGuardedAnnotations();
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyStore aiSecurityApiKeyStore(ApiKeyProperties properties) {
		List<ApiKeyRecord> records = new ArrayList<>();
		for (ApiKeyProperties.Key key : properties.getKeys()) {
			if (!StringUtils.hasText(key.getPrincipal())) {
				throw new IllegalArgumentException("ai.security.api-keys.keys: every key needs a principal");
			}
			String id = StringUtils.hasText(key.getId()) ? key.getId() : key.getPrincipal() + "-" + records.size();
			records.add(ApiKeyRecord.builder(id, key.getPrincipal(), ApiKeyHash.parse(key.getHash()))
				.roles(key.getRoles().toArray(String[]::new))
				.authorities(key.getAuthorities().toArray(String[]::new))
				.tier(StringUtils.hasText(key.getTier()) ? key.getTier() : null)
				.expiresAt(key.getExpiresAt())
				.enabled(key.isEnabled())
				.build());
		}
		return new InMemoryApiKeyStore(records);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyResolver aiSecurityApiKeyResolver(ApiKeyProperties properties) {
		return new ApiKeyResolver(properties.getHeaderName(), properties.getBearerPrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	Totp aiSecurityTotp(MfaProperties properties) {
		MfaProperties.Totp totp = properties.getTotp();
		return new Totp(totp.getAlgorithm(), totp.getDigits(), totp.getPeriod());
	}

	@Bean
	@ConditionalOnMissingBean
	TotpSecretStore aiSecurityTotpSecretStore(MfaProperties properties) {
		return new InMemoryTotpSecretStore(properties.getTotp().getSecrets());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "ai.security.mfa.totp.enabled", matchIfMissing = true)
	TotpVerifier aiSecurityTotpVerifier(Totp totp, TotpSecretStore secrets) {
		return new TotpVerifier(totp, secrets, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	MfaPolicy aiSecurityMfaPolicy(MfaProperties properties) {
		return new MfaPolicy(properties.getRequiredFactors(), properties.getApiKeyRequiredFactors(),
				properties.getMaxFactorAge());
	}

	@Bean
	@ConditionalOnMissingBean
	ClientKind aiSecurityClientKind(ApiKeyResolver apiKeyResolver) {
		return new ClientKind(apiKeyResolver);
	}

	@Bean
	@ConditionalOnMissingBean
	MissingFactorHandler aiSecurityMissingFactorHandler(ClientKind clientKind, AiWebSecurityProperties web,
			MfaProperties mfa) {
		return new DefaultMissingFactorHandler(clientKind, loginPage(web), mfa.getOtpHeader());
	}

	@Bean
	@ConditionalOnMissingBean
	AiSecurityAuthenticationEntryPoint aiSecurityAuthenticationEntryPoint(ClientKind clientKind,
			AiWebSecurityProperties web, ApiKeyProperties apiKeys) {
		return new AiSecurityAuthenticationEntryPoint(clientKind, loginPage(web), apiKeys.getHeaderName());
	}

	@Bean
	@ConditionalOnMissingBean
	AiSecurityAccessDeniedHandler aiSecurityAccessDeniedHandler(MissingFactorHandler missingFactorHandler) {
		return new AiSecurityAccessDeniedHandler(missingFactorHandler);
	}

	@Bean
	@ConditionalOnMissingBean
	AiSecurityHttpConfigurer aiSecurityHttpConfigurer(ApiKeyProperties apiKeys, MfaProperties mfa,
			ApiKeyResolver resolver, ApiKeyStore store, ObjectProvider<TotpVerifier> totpVerifier,
			AiSecurityAuthenticationEntryPoint entryPoint, AiSecurityAccessDeniedHandler accessDeniedHandler,
			AiGuardedRequestMatcher aiGuarded, ApplicationEventPublisher events) {
		// not a bean of its own: Boot would register a Filter bean with the servlet
		// container as well
		ApiKeyAuthenticationFilter filter = apiKeys.isEnabled() ? new ApiKeyAuthenticationFilter(resolver, store,
				entryPoint, totpVerifier.getIfAvailable(), mfa.getOtpHeader(), events, Clock.systemUTC()) : null;
		return new AiSecurityHttpConfigurer(filter, apiKeys.isEnabled() ? resolver : null, entryPoint,
				accessDeniedHandler, aiGuarded);
	}

	@Bean
	@ConditionalOnMissingBean
	AiGuardedAuthorizationManager aiGuardedAuthorizationManager(AiGuardedAnnotations annotations, MfaPolicy mfaPolicy,
			ApplicationEventPublisher events) {
		return new AiGuardedAuthorizationManager(annotations, mfaPolicy, events);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor aiGuardedAuthorizationAdvisor(ObjectProvider<AiGuardedAuthorizationManager> manager) {
		// resolved lazily (advisors are created before ordinary beans), once: not per
		// call
		Supplier<AiGuardedAuthorizationManager> resolved = SingletonSupplier.of(manager::getObject);
		AuthorizationManager<MethodInvocation> lazy = (authentication, invocation) -> resolved.get()
			.authorize(authentication, invocation);
		AiGuardedAuthorizationAdvisor advisor = new AiGuardedAuthorizationAdvisor(aiGuardedPointcut(), lazy);
		advisor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
		return advisor;
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor aiGuardedAdmissionAdvisor(ObjectProvider<AiGuardedAnnotations> annotations,
			ObjectProvider<TieredRateLimiter> limiter, ObjectProvider<RateLimitSubjectResolver> subjects,
			ObjectProvider<ApplicationEventPublisher> events) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(aiGuardedPointcut(),
				new LazyAdmissionInterceptor(annotations, limiter, subjects, events));
		advisor.setOrder(AiGuardedAdmissionInterceptor.ORDER);
		return advisor;
	}

	static Pointcut aiGuardedPointcut() {
		return new ComposablePointcut(new AnnotationMatchingPointcut(AiGuarded.class, true))
			.union(new AnnotationMatchingPointcut(null, AiGuarded.class, true));
	}

	/**
	 * Spring Security's strict firewall with its default rules, the header character
	 * checks done without regular expressions (they run on every header read).
	 * @return the firewall
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	StrictHttpFirewall aiSecurityHttpFirewall() {
		return StrictFirewallRules.strictHttpFirewall();
	}

	/**
	 * Firewall rejections as problem details, without logging the rejected value; the
	 * current observation is marked as Spring Security's default handler does.
	 * @param observations the observation registry, if any
	 * @return the handler
	 */
	@Bean
	@ConditionalOnMissingBean(RequestRejectedHandler.class)
	RequestRejectedHandler aiSecurityRequestRejectedHandler(ObjectProvider<ObservationRegistry> observations) {
		ObservationRegistry registry = observations.getIfUnique();
		RequestRejectedHandler problem = new AiSecurityRequestRejectedHandler();
		return (registry != null)
				? new CompositeRequestRejectedHandler(new ObservationMarkingRequestRejectedHandler(registry), problem)
				: problem;
	}

	@Bean
	@ConditionalOnMissingBean
	AiSecurityExceptionResolver aiSecurityExceptionResolver() {
		return new AiSecurityExceptionResolver();
	}

	@Bean
	@ConditionalOnMissingBean
	AiGuardedRequestMatcher aiGuardedRequestMatcher(
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping,
			AiGuardedAnnotations annotations) {
		return new AiGuardedRequestMatcher(handlerMapping, annotations);
	}

	private static final String DEFAULT_LOGIN_PAGE = "/login";

	private static String loginPage(AiWebSecurityProperties web) {
		return StringUtils.hasText(web.getLoginPage()) ? web.getLoginPage() : null;
	}

	/**
	 * The default chain, only when the application has none.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnDefaultWebSecurity
	static class DefaultSecurityFilterChainConfiguration {

		/**
		 * Requests that carry an API key: the key alone authenticates them (an invalid
		 * key is answered 401 by the filter), so they need none of the browser machinery
		 * of the default chain (session, CSRF token, form and one-time-token login,
		 * logout, saved requests), which would otherwise run its matchers on every API
		 * call. Authorization is as in the default chain for an authenticated caller:
		 * every request needs authentication, {@code @AiGuarded} decides the rest.
		 */
		@Bean
		@Order(SecurityFilterChainOrder.API_KEY)
		@ConditionalOnBooleanProperty(name = "ai.security.api-keys.enabled", matchIfMissing = true)
		SecurityFilterChain aiSecurityApiKeyFilterChain(HttpSecurity http, AiSecurityHttpConfigurer aiSecurity,
				ApiKeyResolver apiKeyResolver) throws Exception {
			http.securityMatcher(apiKeyResolver::isPresent)
				.authorizeHttpRequests(
						(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
							.permitAll()
							.anyRequest()
							.authenticated())
				// not cookie-authenticated: nothing for a forged request to ride on
				.csrf(AbstractHttpConfigurer::disable)
				// the key authenticates this request only: no session is read or written
				.securityContext(
						(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
				.sessionManagement(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable)
				// the security headers are written before the handler runs, not when a
				// streamed answer commits the response on another thread
				.headers((headers) -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
					@Override
					public <O extends HeaderWriterFilter> O postProcess(O filter) {
						filter.setShouldWriteHeadersEagerly(true);
						return filter;
					}
				}))
				// kept from session management: no session id is ever written into a URL
				.addFilterBefore(new DisableEncodeUrlFilter(), WebAsyncManagerIntegrationFilter.class);
			http.with(aiSecurity, Customizer.withDefaults());
			return http.build();
		}

		@Bean
		@Order(SecurityFilterChainOrder.DEFAULT)
		SecurityFilterChain aiSecurityFilterChain(HttpSecurity http, AiSecurityHttpConfigurer aiSecurity,
				AiGuardedRequestMatcher aiGuarded, AiWebSecurityProperties web,
				ObjectProvider<OneTimeTokenGenerationSuccessHandler> ottHandler,
				ObjectProvider<TotpVerifier> totpVerifier) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
						.permitAll()
						.requestMatchers(aiGuarded)
						.permitAll()
						.anyRequest()
						.authenticated());
			if (web.isFormLogin()) {
				String loginPage = loginPage(web);
				if (DEFAULT_LOGIN_PAGE.equals(loginPage)) {
					// Spring Security generates no login page when a custom entry point
					// is
					// set (the AI security configurer sets one): render it here. A login
					// page of the application's own (another path) is left alone.
					http.formLogin((form) -> form.loginPage(loginPage).permitAll());
					http.addFilterBefore(new LoginPageFilter(loginPage), DefaultLoginPageGeneratingFilter.class);
				}
				else {
					http.formLogin(Customizer.withDefaults());
				}
				if (ottHandler.getIfAvailable() != null) {
					http.oneTimeTokenLogin(Customizer.withDefaults());
				}
				TotpVerifier verifier = totpVerifier.getIfAvailable();
				if (verifier != null && loginPage != null) {
					// the TOTP step of a browser login (required-factors: password, totp)
					http.addFilterBefore(new TotpLoginFilter(verifier, loginPage),
							DefaultLoginPageGeneratingFilter.class);
				}
			}
			http.with(aiSecurity, Customizer.withDefaults());
			return http.build();
		}

	}

	/**
	 * Factor-merging login filters ({@code @EnableMultiFactorAuthentication}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "ai.security.mfa.enabled", matchIfMissing = true)
	@EnableMultiFactorAuthentication(authorities = {})
	static class MultiFactorConfiguration {

	}

	/**
	 * Refusals as Boot audit events.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditApplicationEvent.class)
	static class AuditConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditEventBridge aiSecurityAuditEventBridge(ApplicationEventPublisher publisher) {
			return new AuditEventBridge(publisher);
		}

	}

	/**
	 * Order of the default chain: late, like Boot's own default chain, so that any more
	 * specific chain comes first.
	 */
	static final class SecurityFilterChainOrder {

		static final int DEFAULT = org.springframework.core.Ordered.LOWEST_PRECEDENCE - 5;

		/** Requests with an API key: before the default chain. */
		static final int API_KEY = DEFAULT - 1;

		private SecurityFilterChainOrder() {
		}

	}

	/**
	 * Resolves its collaborators on first use (advisors are created early).
	 */
	static final class LazyAdmissionInterceptor implements org.aopalliance.intercept.MethodInterceptor {

		private final ObjectProvider<AiGuardedAnnotations> annotations;

		private final ObjectProvider<TieredRateLimiter> limiter;

		private final ObjectProvider<RateLimitSubjectResolver> subjects;

		private final ObjectProvider<ApplicationEventPublisher> events;

		private volatile AiGuardedAdmissionInterceptor delegate;

		LazyAdmissionInterceptor(ObjectProvider<AiGuardedAnnotations> annotations,
				ObjectProvider<TieredRateLimiter> limiter, ObjectProvider<RateLimitSubjectResolver> subjects,
				ObjectProvider<ApplicationEventPublisher> events) {
			this.annotations = annotations;
			this.limiter = limiter;
			this.subjects = subjects;
			this.events = events;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			AiGuardedAdmissionInterceptor interceptor = this.delegate;
			if (interceptor == null) {
				TieredRateLimiter rateLimiter = this.limiter.getIfAvailable();
				interceptor = new AiGuardedAdmissionInterceptor(this.annotations.getObject(), rateLimiter,
						(rateLimiter != null) ? this.subjects.getObject() : null, this.events.getIfAvailable());
				this.delegate = interceptor;
			}
			return interceptor.invoke(invocation);
		}

	}

}
