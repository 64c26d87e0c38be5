package dev.aisecurity.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.aisecurity.web.apikey.ApiKeyAuthenticationException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Answers unauthenticated requests: browsers are redirected to the login page (when one
 * is configured), API clients get a 401 problem ({@code authentication-required}, or
 * {@code api-key-invalid} for a rejected key) with a {@code WWW-Authenticate} header
 * naming the API key header.
 */
public final class AiSecurityAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ClientKind clientKind;

	private final String loginPage;

	private final String apiKeyHeader;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	/**
	 * Create the entry point.
	 * @param clientKind tells browsers from API clients
	 * @param loginPage the browser login page, or null to answer browsers with 401 too
	 * @param apiKeyHeader the API key header name, for {@code WWW-Authenticate}
	 */
	public AiSecurityAuthenticationEntryPoint(ClientKind clientKind, String loginPage, String apiKeyHeader) {
		this.clientKind = clientKind;
		this.loginPage = loginPage;
		this.apiKeyHeader = apiKeyHeader;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof ApiKeyAuthenticationException) {
			challenge(response);
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, SecurityProblemCodes.API_KEY_INVALID,
					"Invalid API key", "The API key is unknown, disabled or expired.", Map.of());
			return;
		}
		if (this.loginPage != null && this.clientKind.isBrowser(request)) {
			this.requestCache.saveRequest(request, response);
			response.sendRedirect(request.getContextPath() + this.loginPage);
			return;
		}
		challenge(response);
		ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED,
				SecurityProblemCodes.AUTHENTICATION_REQUIRED, "Authentication required",
				"This endpoint requires an authenticated caller.", Map.of());
	}

	private void challenge(HttpServletResponse response) {
		response.setHeader("WWW-Authenticate", "ApiKey realm=\"ai-security\", header=\"" + this.apiKeyHeader + "\"");
	}

}
