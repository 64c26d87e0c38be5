package dev.aisecurity.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.aisecurity.web.apikey.ApiKeyResolver;

/**
 * Tells browsers from API clients: a request is from a browser when it accepts
 * {@code text/html} and carries neither an API key nor an {@code Authorization} header.
 * Browsers are redirected to login pages; API clients get problem details.
 */
public final class ClientKind {

	private final ApiKeyResolver apiKeys;

	/**
	 * Create the classifier.
	 * @param apiKeys finds API keys, may be null
	 */
	public ClientKind(ApiKeyResolver apiKeys) {
		this.apiKeys = apiKeys;
	}

	/**
	 * Whether the request comes from a browser.
	 * @param request the request
	 * @return true for a browser
	 */
	public boolean isBrowser(HttpServletRequest request) {
		if (request.getHeader("Authorization") != null || (this.apiKeys != null && this.apiKeys.isPresent(request))) {
			return false;
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/html");
	}

}
