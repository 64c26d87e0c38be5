package dev.aisecurity.test.redteam;

/**
 * What a target answered to an attack: an HTTP status, content type and body, or the
 * exception a call threw.
 *
 * @param status the HTTP status, or 200 for an in-process answer, or -1 for an exception
 * @param contentType the content type, or {@code null}
 * @param body the body or answer text, never {@code null}
 * @param error the exception a call threw, or {@code null}
 */
public record TargetResponse(int status, String contentType, String body, Throwable error) {

	public TargetResponse {
		body = (body != null) ? body : "";
	}

	/**
	 * An HTTP response.
	 * @param status the status
	 * @param contentType the content type, may be {@code null}
	 * @param body the body
	 * @return the response
	 */
	public static TargetResponse http(int status, String contentType, String body) {
		return new TargetResponse(status, contentType, body, null);
	}

	/**
	 * The answer of an in-process call (a ChatClient, a service method).
	 * @param text the answer
	 * @return the response
	 */
	public static TargetResponse answer(String text) {
		return new TargetResponse(200, "text/plain", text, null);
	}

	/**
	 * A call that threw.
	 * @param error the exception
	 * @return the response
	 */
	public static TargetResponse exception(Throwable error) {
		return new TargetResponse(-1, null, "", error);
	}

}
