package dev.aisecurity.web.mfa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.aisecurity.web.ClientKind;
import dev.aisecurity.web.ProblemResponses;
import dev.aisecurity.web.SecurityProblemCodes;
import dev.aisecurity.web.apikey.ApiKeyAuthenticationToken;

import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * The default {@link MissingFactorHandler}. A browser session (not an API key, accepts
 * HTML) is redirected to {@code <login page>?factor.type=<type>&factor.reason=missing}
 * (or {@code expired}) for the first missing factor, the request being saved so that
 * login returns to it; this is the URL Spring Security's generated login page
 * understands. Everyone else gets 401 {@code mfa-required} with {@code missingFactors}
 * and {@code expiredFactors} (factor authorities) and, when the OTP header would supply
 * the factor, a {@code WWW-Authenticate} hint naming it.
 */
public final class DefaultMissingFactorHandler implements MissingFactorHandler {

	private final ClientKind clientKind;

	private final String loginPage;

	private final String otpHeader;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	/**
	 * Create the handler.
	 * @param clientKind tells browsers from API clients
	 * @param loginPage the login page, e.g. {@code /login}; null answers browsers with
	 * 401 too
	 * @param otpHeader the OTP header name
	 */
	public DefaultMissingFactorHandler(ClientKind clientKind, String loginPage, String otpHeader) {
		this.clientKind = clientKind;
		this.loginPage = loginPage;
		this.otpHeader = otpHeader;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			List<RequiredFactorError> errors) throws IOException {
		if (this.loginPage != null && !(authentication instanceof ApiKeyAuthenticationToken)
				&& this.clientKind.isBrowser(request) && !errors.isEmpty()) {
			RequiredFactorError first = errors.get(0);
			this.requestCache.saveRequest(request, response);
			response.sendRedirect(request.getContextPath() + this.loginPage + "?factor.type="
					+ MfaFactors.type(first.getRequiredFactor().getAuthority()) + "&factor.reason="
					+ (first.isExpired() ? "expired" : "missing"));
			return;
		}
		List<String> missing = new ArrayList<>();
		List<String> expired = new ArrayList<>();
		for (RequiredFactorError error : errors) {
			(error.isExpired() ? expired : missing).add(error.getRequiredFactor().getAuthority());
		}
		if (missing.contains(MfaFactors.TOTP_AUTHORITY) || expired.contains(MfaFactors.TOTP_AUTHORITY)) {
			response.setHeader("WWW-Authenticate", "OTP realm=\"ai-security\", header=\"" + this.otpHeader + "\"");
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("missingFactors", missing);
		extensions.put("expiredFactors", expired);
		ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, SecurityProblemCodes.MFA_REQUIRED,
				"Additional authentication factor required",
				"This endpoint requires further authentication factors; see missingFactors and expiredFactors.",
				extensions);
	}

}
