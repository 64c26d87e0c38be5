package dev.aisecurity.web.mfa;

import java.time.Duration;
import java.util.List;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.Authentication;

import dev.aisecurity.web.apikey.ApiKeyAuthenticationToken;

/**
 * Which factors {@code @AiGuarded(mfa = true)} requires, on Spring Security 7's
 * {@link AllRequiredFactorsAuthorizationManager}: one set for sessions (default password
 * plus one-time token), one for API key clients (default API key plus TOTP), each with an
 * optional maximum age (measured from when the factor was granted).
 */
public final class MfaPolicy {

	private final AllRequiredFactorsAuthorizationManager<Object> sessionFactors;

	private final AllRequiredFactorsAuthorizationManager<Object> apiKeyFactors;

	private final List<String> sessionAuthorities;

	private final List<String> apiKeyAuthorities;

	/**
	 * Create the policy.
	 * @param sessionFactors factor names or authorities for sessions
	 * @param apiKeyFactors factor names or authorities for API key clients
	 * @param maxAge maximum factor age, or null for no limit
	 */
	public MfaPolicy(List<String> sessionFactors, List<String> apiKeyFactors, Duration maxAge) {
		this.sessionAuthorities = sessionFactors.stream().map(MfaFactors::authority).toList();
		this.apiKeyAuthorities = apiKeyFactors.stream().map(MfaFactors::authority).toList();
		this.sessionFactors = build(this.sessionAuthorities, maxAge);
		this.apiKeyFactors = build(this.apiKeyAuthorities, maxAge);
	}

	private static AllRequiredFactorsAuthorizationManager<Object> build(List<String> authorities, Duration maxAge) {
		if (authorities.isEmpty()) {
			throw new IllegalArgumentException("At least one required factor must be configured");
		}
		AllRequiredFactorsAuthorizationManager.Builder<Object> builder = AllRequiredFactorsAuthorizationManager
			.builder();
		for (String authority : authorities) {
			builder.requireFactor((factor) -> {
				factor.authority(authority);
				if (maxAge != null) {
					factor.validDuration(maxAge);
				}
			});
		}
		return builder.build();
	}

	/**
	 * Check the caller's factors.
	 * @param authentication the authenticated caller
	 * @return the decision, listing missing and expired factors when refused
	 */
	public FactorAuthorizationDecision check(Authentication authentication) {
		AllRequiredFactorsAuthorizationManager<Object> manager = (authentication instanceof ApiKeyAuthenticationToken)
				? this.apiKeyFactors : this.sessionFactors;
		return manager.authorize(() -> authentication, authentication);
	}

	/**
	 * The factor authorities required of sessions.
	 * @return the authorities
	 */
	public List<String> sessionAuthorities() {
		return this.sessionAuthorities;
	}

	/**
	 * The factor authorities required of API key clients.
	 * @return the authorities
	 */
	public List<String> apiKeyAuthorities() {
		return this.apiKeyAuthorities;
	}

}
