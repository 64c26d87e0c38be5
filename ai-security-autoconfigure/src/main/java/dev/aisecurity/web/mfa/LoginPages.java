package dev.aisecurity.web.mfa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the small, script-free sign-in pages of the default security chain, under a
 * Content Security Policy that allows nothing but posting the form to this origin.
 */
final class LoginPages {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'";

	private LoginPages() {
	}

	/**
	 * The hidden CSRF input of a form, empty when CSRF protection is off.
	 */
	static String csrfInput(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
					+ HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
		}
		return "";
	}

	static void write(HttpServletResponse response, String title, String bodyHtml) throws IOException {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
				+ "</h1>" + bodyHtml + "</main></body></html>";
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
