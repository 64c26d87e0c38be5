package dev.aisecurity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall rejected with a 400 problem
 * ({@code AI_REQUEST_REJECTED}). Spring Security's own handler logs the exception's
 * message, which quotes the rejected header or parameter value: an API key or a prompt
 * fragment with a stray control character would reach the log. This handler logs that a
 * request was rejected, never why in the request's own words.
 */
public final class AiSecurityRequestRejectedHandler implements RequestRejectedHandler {

	private static final Log logger = LogFactory.getLog(AiSecurityRequestRejectedHandler.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		// not even the method: a rejected request's method is the client's own text
		logger.debug("Request rejected by the HTTP firewall");
		ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, SecurityProblemCodes.REQUEST_REJECTED,
				"Request rejected",
				"The request contains a character, header or path that is not allowed. Remove control or "
						+ "unassigned characters and encoded path separators.",
				null);
	}

}
