package dev.aisecurity.audit;

import java.util.Locale;

import dev.aisecurity.web.apikey.ApiKeyAuthenticationToken;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Resolves the caller from Spring Security's context and the endpoint from the current
 * servlet request (its mapping pattern, never the raw path, which may carry user data).
 */
public class SecurityAuditCallerResolver implements AuditCallerResolver {

	private static final String BEST_MATCHING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

	private static final boolean API_KEYS = ClassUtils.isPresent("dev.aisecurity.web.apikey.ApiKeyAuthenticationToken",
			SecurityAuditCallerResolver.class.getClassLoader());

	private static final boolean SERVLET = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			SecurityAuditCallerResolver.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder",
					SecurityAuditCallerResolver.class.getClassLoader());

	@Override
	public AuditCaller resolve() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String principal = "anonymous";
		String method = "none";
		String tier = null;
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			principal = authentication.getName();
			method = method(authentication);
			if (API_KEYS && authentication instanceof ApiKeyAuthenticationToken apiKey) {
				tier = apiKey.getTier();
			}
		}
		return new AuditCaller(principal, method, tier, endpoint());
	}

	static String method(Authentication authentication) {
		String name = authentication.getClass().getSimpleName();
		return switch (name) {
			case "ApiKeyAuthenticationToken" -> "api-key";
			case "JwtAuthenticationToken", "BearerTokenAuthentication" -> "jwt";
			case "UsernamePasswordAuthenticationToken" -> "password";
			case "OAuth2AuthenticationToken" -> "oauth2-login";
			case "RememberMeAuthenticationToken" -> "remember-me";
			case "TestingAuthenticationToken" -> "test";
			default -> name.replace("AuthenticationToken", "").replace("Authentication", "").toLowerCase(Locale.ROOT);
		};
	}

	private static String endpoint() {
		return SERVLET ? ServletEndpoint.current() : null;
	}

	/**
	 * Kept apart so the resolver loads without the servlet API.
	 */
	private static final class ServletEndpoint {

		static String current() {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			if (attributes instanceof ServletRequestAttributes servlet) {
				HttpServletRequest request = servlet.getRequest();
				Object pattern = request.getAttribute(BEST_MATCHING_PATTERN);
				return request.getMethod() + " " + ((pattern != null) ? pattern : "(unmapped)");
			}
			return null;
		}

	}

}
