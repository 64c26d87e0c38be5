package dev.aisecurity.web;

/**
 * The stable {@code code} values of the problem details written by the security edge. The
 * {@code type} URI is {@code https://ai-security.dev/problems/<code without AI_, lower
 * case, hyphenated>}, e.g. {@code .../rate-limited} for {@code AI_RATE_LIMITED}.
 */
public final class SecurityProblemCodes {

	/** 401: no credentials were presented. */
	public static final String AUTHENTICATION_REQUIRED = "AI_AUTHENTICATION_REQUIRED";

	/** 401: an API key was presented but is unknown, disabled or expired. */
	public static final String API_KEY_INVALID = "AI_API_KEY_INVALID";

	/** 401: authenticated, but a required factor is missing or too old. */
	public static final String MFA_REQUIRED = "AI_MFA_REQUIRED";

	/** 403: authenticated, but lacking the role or authority. */
	public static final String ACCESS_DENIED = "AI_ACCESS_DENIED";

	/** 413: the request body is larger than the endpoint allows. */
	public static final String INPUT_TOO_LARGE = "AI_INPUT_TOO_LARGE";

	/** 503: the rate-limit store could not be reached; the request is refused. */
	public static final String RATE_LIMIT_UNAVAILABLE = "AI_RATE_LIMIT_UNAVAILABLE";

	/**
	 * 400: Spring Security's firewall rejected the request (a header, parameter or path
	 * it does not allow).
	 */
	public static final String REQUEST_REJECTED = "AI_REQUEST_REJECTED";

	private SecurityProblemCodes() {
	}

}
