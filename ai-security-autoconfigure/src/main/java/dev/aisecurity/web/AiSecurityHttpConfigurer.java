package dev.aisecurity.web;

import dev.aisecurity.web.apikey.ApiKeyAuthenticationFilter;
import dev.aisecurity.web.apikey.ApiKeyResolver;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Adds the AI security edge to a {@link HttpSecurity}: the API key filter, problem detail
 * answers for 401/403 (and the missing-factor hook), and CSRF exemption for requests that
 * carry an API key (they are not cookie-authenticated). The auto-configured default chain
 * applies it; an application with its own chain applies the bean:
 *
 * <pre>
 * http.with(aiSecurityHttpConfigurer, Customizer.withDefaults());
 * </pre>
 */
public final class AiSecurityHttpConfigurer extends AbstractHttpConfigurer<AiSecurityHttpConfigurer, HttpSecurity> {

	private final ApiKeyAuthenticationFilter apiKeyFilter;

	private final ApiKeyResolver apiKeyResolver;

	private final AuthenticationEntryPoint entryPoint;

	private final AccessDeniedHandler accessDeniedHandler;

	private final RequestMatcher sessionlessExempt;

	/**
	 * Create the configurer.
	 * @param apiKeyFilter the API key filter, null when API keys are off
	 * @param apiKeyResolver finds API keys, null when API keys are off
	 * @param entryPoint answers unauthenticated requests
	 * @param accessDeniedHandler answers refused requests
	 * @param aiGuarded matches {@code @AiGuarded} handlers: requests to them without any
	 * session are exempt from CSRF protection (there is no cookie-borne authentication a
	 * forged request could ride on, and API clients should get 401, not a CSRF 403); may
	 * be null
	 */
	public AiSecurityHttpConfigurer(ApiKeyAuthenticationFilter apiKeyFilter, ApiKeyResolver apiKeyResolver,
			AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDeniedHandler, RequestMatcher aiGuarded) {
		this.apiKeyFilter = apiKeyFilter;
		this.apiKeyResolver = apiKeyResolver;
		this.entryPoint = entryPoint;
		this.accessDeniedHandler = accessDeniedHandler;
		this.sessionlessExempt = (aiGuarded != null) ? (request) -> request.getRequestedSessionId() == null
				&& request.getSession(false) == null && aiGuarded.matches(request) : null;
	}

	@Override
	public void init(HttpSecurity http) {
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.entryPoint)
			.accessDeniedHandler(this.accessDeniedHandler));
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null && this.apiKeyResolver != null) {
			csrf.ignoringRequestMatchers(this.apiKeyResolver::isPresent);
		}
		if (csrf != null && this.sessionlessExempt != null) {
			csrf.ignoringRequestMatchers(this.sessionlessExempt);
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		if (this.apiKeyFilter != null) {
			http.addFilterBefore(this.apiKeyFilter, AnonymousAuthenticationFilter.class);
		}
	}

}
