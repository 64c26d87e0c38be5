package dev.aisecurity.web.mfa;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The user name and password page of the default security chain's form login
 * ({@code GET <login page>}). Spring Security generates no login page once a custom
 * authentication entry point is set, as the AI security chain does for its problem
 * answers, so this filter renders one: no script, CSRF protected, posting to the form
 * login's processing URL (the login page itself). Requests for another factor
 * ({@code factor.type} other than {@code password}) are left to that factor's page.
 */
public final class LoginPageFilter extends OncePerRequestFilter {

	private final String loginPage;

	/**
	 * Create the filter.
	 * @param loginPage the login page and form login processing URL, e.g. {@code /login}
	 */
	public LoginPageFilter(String loginPage) {
		this.loginPage = loginPage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String factor = request.getParameter("factor.type");
		if (!"GET".equals(request.getMethod()) || !this.loginPage.equals(path)
				|| (factor != null && !"password".equals(factor))) {
			chain.doFilter(request, response);
			return;
		}
		StringBuilder form = new StringBuilder();
		if (request.getParameterMap().containsKey("error")) {
			form.append("<p role=\"alert\" id=\"login-error\">Sign-in failed.</p>");
		}
		if (request.getParameterMap().containsKey("logout")) {
			form.append("<p role=\"status\">You have been signed out.</p>");
		}
		form.append("<form method=\"post\" action=\"")
			.append(HtmlUtils.htmlEscape(request.getContextPath() + this.loginPage))
			.append("\"><p><label for=\"username\">User name</label> ")
			.append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus></p>")
			.append("<p><label for=\"password\">Password</label> ")
			.append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" ")
			.append("required></p>")
			.append(LoginPages.csrfInput(request))
			.append("<p><button id=\"sign-in\" type=\"submit\">Sign in</button></p></form>");
		LoginPages.write(response, "Sign in", form.toString());
	}

}
