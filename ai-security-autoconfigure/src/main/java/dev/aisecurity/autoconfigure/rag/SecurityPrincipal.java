package dev.aisecurity.autoconfigure.rag;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller's name from Spring Security's context; loaded only when Spring
 * Security is present.
 */
final class SecurityPrincipal {

	private SecurityPrincipal() {
	}

	static String name(String fallback) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return fallback;
		}
		return authentication.getName();
	}

}
