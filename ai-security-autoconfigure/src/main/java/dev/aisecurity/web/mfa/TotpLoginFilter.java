package dev.aisecurity.web.mfa;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The TOTP step of a browser login: where the {@link DefaultMissingFactorHandler} sends a
 * signed-in browser that lacks {@code FACTOR_TOTP}
 * ({@code <login page>?factor.type=totp}), this filter shows a one-field form; a valid,
 * unused code posted to {@value #DEFAULT_PROCESSING_URL} adds {@code FACTOR_TOTP} to the
 * session's authentication and returns to the saved request. Only for a principal that is
 * already signed in with its first factor. After {@value #MAX_FAILURES} wrong codes the
 * session is ended, so a stolen password cannot be used to guess codes. The page has no
 * script, the form is CSRF protected, and codes are never logged.
 */
public final class TotpLoginFilter extends OncePerRequestFilter {

	/** Where the form posts the code. */
	public static final String DEFAULT_PROCESSING_URL = "/login/totp";

	/** Wrong codes per session before it is ended. */
	public static final int MAX_FAILURES = 5;

	static final String FAILURES_ATTRIBUTE = TotpLoginFilter.class.getName() + ".failures";

	private static final String FACTOR_TYPE = "totp";

	private final TotpVerifier verifier;

	private final String loginPage;

	private final String processingUrl;

	private SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

	private SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private AuthenticationSuccessHandler successHandler = new SavedRequestAwareAuthenticationSuccessHandler();

	/**
	 * Create the filter.
	 * @param verifier checks the codes
	 * @param loginPage the login page, e.g. {@code /login}
	 */
	public TotpLoginFilter(TotpVerifier verifier, String loginPage) {
		this.verifier = verifier;
		this.loginPage = loginPage;
		this.processingUrl = DEFAULT_PROCESSING_URL;
	}

	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
		this.strategy = strategy;
	}

	public void setSecurityContextRepository(SecurityContextRepository contextRepository) {
		this.contextRepository = contextRepository;
	}

	public void setSuccessHandler(AuthenticationSuccessHandler successHandler) {
		this.successHandler = successHandler;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("GET".equals(request.getMethod()) && this.loginPage.equals(path)
				&& FACTOR_TYPE.equals(request.getParameter("factor.type"))) {
			Authentication authentication = signedIn();
			if (authentication == null) {
				response.sendRedirect(request.getContextPath() + this.loginPage);
				return;
			}
			writePage(request, response);
			return;
		}
		if ("POST".equals(request.getMethod()) && this.processingUrl.equals(path)) {
			process(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private Authentication signedIn() {
		Authentication authentication = this.strategy.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		return authentication;
	}

	private void process(HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		Authentication authentication = signedIn();
		HttpSession session = request.getSession(false);
		if (authentication == null || session == null) {
			response.sendRedirect(request.getContextPath() + this.loginPage);
			return;
		}
		if (this.verifier.verify(authentication.getName(), request.getParameter("code"))) {
			session.removeAttribute(FAILURES_ATTRIBUTE);
			Authentication withTotp = authentication.toBuilder()
				.authorities((authorities) -> authorities
					.add(FactorGrantedAuthority.fromAuthority(MfaFactors.TOTP_AUTHORITY)))
				.build();
			// a new factor is a privilege change: new session id
			request.changeSessionId();
			SecurityContext context = this.strategy.createEmptyContext();
			context.setAuthentication(withTotp);
			this.strategy.setContext(context);
			this.contextRepository.saveContext(context, request, response);
			this.successHandler.onAuthenticationSuccess(request, response, withTotp);
			return;
		}
		Integer failures = (Integer) session.getAttribute(FAILURES_ATTRIBUTE);
		int count = (failures != null) ? failures + 1 : 1;
		if (count >= MAX_FAILURES) {
			session.invalidate();
			this.strategy.clearContext();
			response.sendRedirect(request.getContextPath() + this.loginPage + "?error");
			return;
		}
		session.setAttribute(FAILURES_ATTRIBUTE, count);
		response.sendRedirect(
				request.getContextPath() + this.loginPage + "?factor.type=" + FACTOR_TYPE + "&factor.reason=invalid");
	}

	private void writePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		StringBuilder form = new StringBuilder();
		if ("invalid".equals(request.getParameter("factor.reason"))) {
			form.append("<p role=\"alert\" id=\"login-error\">That code was not accepted. Try the next one.</p>");
		}
		form.append("<form method=\"post\" action=\"")
			.append(HtmlUtils.htmlEscape(request.getContextPath() + this.processingUrl))
			.append("\"><p><label for=\"code\">Code from your authenticator app</label> ")
			.append("<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" ")
			.append("maxlength=\"10\" required autofocus></p>")
			.append(LoginPages.csrfInput(request))
			.append("<p><button id=\"verify\" type=\"submit\">Verify</button></p></form>");
		LoginPages.write(response, "Authentication code", form.toString());
	}

}
