package dev.aisecurity.dashboard;

import java.util.Locale;

import dev.aisecurity.guard.Decision;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Tells administrators what the guards did to a response: {@value #VERDICT_HEADER}
 * ({@code allow}, {@code sanitize} or {@code block}, the strongest decision of the
 * request's guard runs) and {@value #REASONS_HEADER} (the reason codes, comma separated).
 * Codes only, never text; and only for callers with the administrator role, so that other
 * clients cannot use the headers to probe which detector fired.
 */
@ControllerAdvice
public class VerdictHeaderAdvice implements ResponseBodyAdvice<Object> {

	/** The strongest decision of the request's guard runs. */
	public static final String VERDICT_HEADER = "X-AI-Security-Verdict";

	/** The reason codes of the request's guard runs. */
	public static final String REASONS_HEADER = "X-AI-Security-Reasons";

	private final String authority;

	/**
	 * Create the advice.
	 * @param role the role that sees the headers, for example {@code ADMIN}
	 */
	public VerdictHeaderAdvice(String role) {
		this.authority = role.startsWith("ROLE_") ? role : "ROLE_" + role;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (request instanceof ServletServerHttpRequest servlet && servlet.getServletRequest()
			.getAttribute(RequestVerdicts.ATTRIBUTE) instanceof RequestVerdicts verdicts && permitted()) {
			Decision decision = verdicts.decision();
			response.getHeaders().set(VERDICT_HEADER, decision.name().toLowerCase(Locale.ROOT));
			String codes = verdicts.codesHeader();
			if (!codes.isEmpty()) {
				response.getHeaders().set(REASONS_HEADER, codes);
			}
		}
		return body;
	}

	private boolean permitted() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (this.authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
