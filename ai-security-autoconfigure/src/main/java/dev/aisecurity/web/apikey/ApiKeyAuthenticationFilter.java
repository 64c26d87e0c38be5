package dev.aisecurity.web.apikey;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.aisecurity.web.mfa.MfaFactors;
import dev.aisecurity.web.mfa.TotpVerifier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry an API key. The key is hashed and looked up in the
 * {@link ApiKeyStore}; an unknown, disabled or expired key is answered 401 at once
 * ({@code api-key-invalid}) rather than falling back to anonymous access. A valid key
 * yields an {@link ApiKeyAuthenticationToken} with the key's roles, authorities and the
 * {@code FACTOR_API_KEY} factor; a valid, unused TOTP code in the OTP header (default
 * {@code X-OTP}) adds {@code FACTOR_TOTP}. The authentication lives for this request only
 * (no session). The key is never logged, stored or put into an event.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeyResolver resolver;

	private final ApiKeyStore store;

	private final AuthenticationEntryPoint entryPoint;

	private final TotpVerifier totpVerifier;

	private final String otpHeader;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * Create the filter.
	 * @param resolver finds the presented key
	 * @param store the stored keys
	 * @param entryPoint answers an invalid key
	 * @param totpVerifier verifies OTP codes, may be null to disable the OTP header
	 * @param otpHeader the OTP header name
	 * @param events publishes authentication success and failure events, may be null
	 * @param clock the clock for key expiry
	 */
	public ApiKeyAuthenticationFilter(ApiKeyResolver resolver, ApiKeyStore store, AuthenticationEntryPoint entryPoint,
			TotpVerifier totpVerifier, String otpHeader, ApplicationEventPublisher events, Clock clock) {
		this.resolver = resolver;
		this.store = store;
		this.entryPoint = entryPoint;
		this.totpVerifier = totpVerifier;
		this.otpHeader = otpHeader;
		this.events = events;
		this.clock = clock;
	}

	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
		this.securityContextHolderStrategy = strategy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = this.resolver.resolve(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKeyRecord> found = (key.isEmpty() || key.length() > ApiKeyResolver.MAX_KEY_LENGTH)
				? Optional.empty() : this.store.findByHash(ApiKeyHash.of(key));
		if (found.isEmpty() || !found.get().isActive(this.clock.instant())) {
			this.securityContextHolderStrategy.clearContext();
			ApiKeyAuthenticationException failure = new ApiKeyAuthenticationException();
			if (this.events != null) {
				// the event names the key id when the key exists (disabled or expired),
				// never
				// the key
				String principal = found.map(ApiKeyRecord::principal).orElse("unknown-api-key");
				this.events
					.publishEvent(new AuthenticationFailureBadCredentialsEvent(new ApiKeyAuthenticationToken(principal,
							found.map(ApiKeyRecord::keyId).orElse(null), null, List.of()), failure));
			}
			this.entryPoint.commence(request, response, failure);
			return;
		}
		ApiKeyRecord record = found.get();
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : record.roles()) {
			authorities.add(new SimpleGrantedAuthority(role.startsWith("ROLE_") ? role : "ROLE_" + role));
		}
		for (String authority : record.authorities()) {
			authorities.add(new SimpleGrantedAuthority(authority));
		}
		authorities.add(FactorGrantedAuthority.fromAuthority(MfaFactors.API_KEY_AUTHORITY));
		String otp = (this.totpVerifier != null) ? request.getHeader(this.otpHeader) : null;
		if (otp != null && this.totpVerifier.verify(record.principal(), otp.strip())) {
			authorities.add(FactorGrantedAuthority.fromAuthority(MfaFactors.TOTP_AUTHORITY));
		}
		ApiKeyAuthenticationToken authentication = new ApiKeyAuthenticationToken(record.principal(), record.keyId(),
				record.tier(), authorities);
		SecurityContext context = this.securityContextHolderStrategy.createEmptyContext();
		context.setAuthentication(authentication);
		this.securityContextHolderStrategy.setContext(context);
		if (this.events != null) {
			this.events.publishEvent(new AuthenticationSuccessEvent(authentication));
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.securityContextHolderStrategy.clearContext();
		}
	}

}
