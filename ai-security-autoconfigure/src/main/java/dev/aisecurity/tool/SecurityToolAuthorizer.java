package dev.aisecurity.tool;

import java.util.List;
import java.util.function.Supplier;

import dev.aisecurity.web.mfa.MfaPolicy;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Authorises tool calls from Spring Security's context on the calling thread: roles from
 * the caller's authorities, second factors through the application's {@link MfaPolicy}
 * (the one {@code @AiGuarded(mfa = true)} uses). Tool calls made off the request thread
 * without a propagated security context are refused for every tool with a policy (fail
 * closed).
 */
public final class SecurityToolAuthorizer implements ToolAuthorizer {

	private final Supplier<MfaPolicy> mfaPolicy;

	private final SecurityContextHolderStrategy contexts;

	/**
	 * @param mfaPolicy the MFA policy, looked up when first needed
	 */
	public SecurityToolAuthorizer(Supplier<MfaPolicy> mfaPolicy) {
		this(mfaPolicy, SecurityContextHolder.getContextHolderStrategy());
	}

	SecurityToolAuthorizer(Supplier<MfaPolicy> mfaPolicy, SecurityContextHolderStrategy contexts) {
		this.mfaPolicy = mfaPolicy;
		this.contexts = contexts;
	}

	@Override
	public Decision authorize(String toolName, ToolAccessPolicy policy) {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		boolean authenticated = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		String principal = authenticated ? authentication.getName() : "anonymous";
		if (!policy.authenticated() && !policy.mfa() && policy.roles().isEmpty() && !policy.denyAll()) {
			return Decision.granted(principal);
		}
		if (!authenticated) {
			return Decision.denied(principal, UNAUTHENTICATED, List.of());
		}
		if (policy.denyAll() || (!policy.roles().isEmpty() && !hasAnyRole(authentication, policy))) {
			return Decision.denied(principal, FORBIDDEN, List.of());
		}
		if (policy.mfa()) {
			MfaPolicy mfa = this.mfaPolicy.get();
			FactorAuthorizationDecision factors = mfa.check(authentication);
			if (!factors.isGranted()) {
				List<String> missing = factors.getFactorErrors()
					.stream()
					.map(RequiredFactorError::getRequiredFactor)
					.map((factor) -> factor.getAuthority())
					.toList();
				return Decision.denied(principal, MFA_REQUIRED, missing);
			}
		}
		return Decision.granted(principal);
	}

	private static boolean hasAnyRole(Authentication authentication, ToolAccessPolicy policy) {
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith("ROLE_") && policy.roles().contains(name.substring(5))) {
				return true;
			}
		}
		return false;
	}

}
