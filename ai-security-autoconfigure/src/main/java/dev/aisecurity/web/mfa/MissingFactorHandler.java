package dev.aisecurity.web.mfa;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;

/**
 * Decides the response when an authenticated caller lacks a required factor (or holds one
 * that is too old). Register a bean to replace the default
 * ({@link DefaultMissingFactorHandler}: browsers are redirected to the factor's login
 * page, API clients get a 401 problem listing the missing factors).
 */
@FunctionalInterface
public interface MissingFactorHandler {

	/**
	 * Answer the request.
	 * @param request the request
	 * @param response the response
	 * @param authentication the caller
	 * @param errors the missing or expired factors
	 * @throws IOException on write failure
	 * @throws ServletException on failure
	 */
	void handle(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			List<RequiredFactorError> errors) throws IOException, ServletException;

}
