package dev.aisecurity.web;

import java.util.Map;

import dev.aisecurity.ratelimit.RateLimitDecision;
import dev.aisecurity.ratelimit.RateLimitHeaders;

/**
 * Thrown by the {@link AiGuarded} interceptor when a request is refused after
 * authorization (rate limit, token budget, concurrency, input size, rate-limit store
 * down). Carries the HTTP status, stable code and headers; answered as a problem by
 * {@link AiSecurityExceptionResolver}. The message is fixed and contains no request data.
 */
public final class AiGuardedRejection extends RuntimeException {

	private final int status;

	private final String code;

	private final String title;

	private final Map<String, String> headers;

	private final Map<String, Object> extensions;

	private AiGuardedRejection(int status, String code, String title, Map<String, String> headers,
			Map<String, Object> extensions, Throwable cause) {
		super(title, cause, false, false);
		this.status = status;
		this.code = code;
		this.title = title;
		this.headers = headers;
		this.extensions = extensions;
	}

	/**
	 * A rate-limit refusal (429).
	 * @param decision the refusing decision
	 * @return the exception
	 */
	public static AiGuardedRejection rateLimited(RateLimitDecision decision) {
		String limit = (decision.binding() != null) ? decision.binding().limit().name() : "concurrency";
		return new AiGuardedRejection(429, decision.reason().code(), "Too many requests", RateLimitHeaders.of(decision),
				Map.of("tier", decision.tier().name(), "limit", limit, "retryAfter",
						decision.retryAfter().toSeconds() < 1 ? 1 : decision.retryAfter().toSeconds()),
				null);
	}

	/**
	 * An oversized body (413).
	 * @param maxBytes the endpoint's limit
	 * @return the exception
	 */
	public static AiGuardedRejection inputTooLarge(int maxBytes) {
		return new AiGuardedRejection(413, SecurityProblemCodes.INPUT_TOO_LARGE, "Request too large", Map.of(),
				Map.of("maxBytes", maxBytes), null);
	}

	/**
	 * The rate-limit store failed (503): fail closed.
	 * @param cause the failure (not exposed to the client)
	 * @return the exception
	 */
	public static AiGuardedRejection unavailable(Throwable cause) {
		return new AiGuardedRejection(503, SecurityProblemCodes.RATE_LIMIT_UNAVAILABLE, "Rate limiting unavailable",
				Map.of("Retry-After", "5"), Map.of(), cause);
	}

	public int getStatus() {
		return this.status;
	}

	public String getCode() {
		return this.code;
	}

	public String getTitle() {
		return this.title;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public Map<String, Object> getExtensions() {
		return this.extensions;
	}

}
