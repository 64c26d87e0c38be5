package dev.aisecurity.autoconfigure.integrity;

import java.util.List;
import java.util.function.Supplier;

import dev.aisecurity.web.mfa.MfaPolicy;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The default {@link ModelOperationAuthorizer} on Spring Security 7. Reading needs the
 * configured role. Verify and rollback need the role and, when MFA is on, the second
 * factor:
 * <ul>
 * <li>the factor authorities in {@code ai.security.models.admin.required-factors}, if
 * set, checked with {@link AuthorizationManagerFactories#multiFactor()};</li>
 * <li>otherwise the starter's application-wide {@link MfaPolicy}
 * ({@code ai.security.mfa.*}: password + one-time token for sessions, API key + TOTP for
 * API clients), when its web security auto-configuration is active;</li>
 * <li>otherwise {@code FACTOR_PASSWORD} and {@code FACTOR_OTT}.</li>
 * </ul>
 * A denial throws Spring Security's own exceptions, so its exception handling answers:
 * 401 for anonymous callers, 403 for a missing role, and a missing factor leads to the
 * factor login or a 401 problem listing the missing factors.
 */
class SecurityModelOperationAuthorizer implements ModelOperationAuthorizer {

	static final List<String> DEFAULT_FACTORS = List.of("FACTOR_PASSWORD", "FACTOR_OTT");

	private final boolean mfa;

	private final AuthorizationManager<Operation> role;

	private final AuthorizationManager<Operation> configuredFactors;

	private final AuthorizationManager<Operation> defaultFactors;

	private final Supplier<MfaPolicy> mfaPolicy;

	SecurityModelOperationAuthorizer(ModelIntegrityProperties.Admin admin, Supplier<MfaPolicy> mfaPolicy) {
		this.mfa = admin.isMfa();
		this.role = AuthorityAuthorizationManager.hasRole(admin.getRole());
		this.configuredFactors = admin.getRequiredFactors().isEmpty() ? null
				: factors(admin.getRequiredFactors(), admin.getRole());
		this.defaultFactors = factors(DEFAULT_FACTORS, admin.getRole());
		this.mfaPolicy = mfaPolicy;
	}

	private static AuthorizationManager<Operation> factors(List<String> factors, String role) {
		return AuthorizationManagerFactories.<Operation>multiFactor()
			.requireFactors(factors.toArray(String[]::new))
			.build()
			.hasRole(role);
	}

	@Override
	public void authorize(Operation operation) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			throw new AuthenticationCredentialsNotFoundException("Authentication required");
		}
		this.role.verify(() -> authentication, operation);
		if (operation == Operation.READ || !this.mfa) {
			return;
		}
		if (this.configuredFactors != null) {
			this.configuredFactors.verify(() -> authentication, operation);
			return;
		}
		MfaPolicy policy = this.mfaPolicy.get();
		if (policy == null) {
			this.defaultFactors.verify(() -> authentication, operation);
			return;
		}
		FactorAuthorizationDecision decision = policy.check(authentication);
		if (!decision.isGranted()) {
			throw new AuthorizationDeniedException("Multi-factor authentication required", decision);
		}
	}

}
