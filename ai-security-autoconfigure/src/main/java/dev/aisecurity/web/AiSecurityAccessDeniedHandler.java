package dev.aisecurity.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.aisecurity.web.mfa.MissingFactorHandler;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers authenticated callers who were refused: a refusal for missing or expired
 * factors goes to the {@link MissingFactorHandler}; anything else is a 403 problem
 * ({@code access-denied}).
 */
public final class AiSecurityAccessDeniedHandler implements AccessDeniedHandler {

	private final MissingFactorHandler missingFactorHandler;

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * Create the handler.
	 * @param missingFactorHandler answers missing factors
	 */
	public AiSecurityAccessDeniedHandler(MissingFactorHandler missingFactorHandler) {
		this.missingFactorHandler = missingFactorHandler;
	}

	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
		this.securityContextHolderStrategy = strategy;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (denied instanceof AuthorizationDeniedException authorizationDenied) {
			AuthorizationResult result = authorizationDenied.getAuthorizationResult();
			if (result instanceof FactorAuthorizationDecision factors && !factors.getFactorErrors().isEmpty()) {
				this.missingFactorHandler.handle(request, response,
						this.securityContextHolderStrategy.getContext().getAuthentication(), factors.getFactorErrors());
				return;
			}
		}
		ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, SecurityProblemCodes.ACCESS_DENIED,
				"Access denied", "The authenticated caller lacks the role or authority this endpoint requires.",
				Map.of());
	}

}
