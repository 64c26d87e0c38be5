package dev.aisecurity.web.apikey;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Extracts a presented API key from a request: the configured header (default
 * {@code X-API-Key}), or {@code Authorization: Bearer <key>} when the key starts with the
 * configured prefix (so that other bearer tokens, such as JWTs, are left to their own
 * filter).
 *
 * @param headerName the API key header
 * @param bearerPrefix the prefix that marks a bearer token as an API key; empty disables
 * the {@code Authorization} form
 */
public record ApiKeyResolver(String headerName, String bearerPrefix) {

	private static final String BEARER = "Bearer ";

	/** Keys longer than this are rejected without hashing. */
	public static final int MAX_KEY_LENGTH = 512;

	/**
	 * The presented key.
	 * @param request the request
	 * @return the key, or null when none was presented
	 */
	public String resolve(HttpServletRequest request) {
		String key = request.getHeader(this.headerName);
		if (key != null) {
			return key.strip();
		}
		if (this.bearerPrefix == null || this.bearerPrefix.isEmpty()) {
			return null;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String token = authorization.substring(BEARER.length()).strip();
			if (token.startsWith(this.bearerPrefix)) {
				return token;
			}
		}
		return null;
	}

	/**
	 * Whether the request carries an API key (used to exempt it from CSRF protection and
	 * to answer it as an API client rather than a browser).
	 * @param request the request
	 * @return whether a key is present
	 */
	public boolean isPresent(HttpServletRequest request) {
		return resolve(request) != null;
	}

}
