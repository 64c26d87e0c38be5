package dev.aisecurity.ai.web;

import java.net.URI;

import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Direction;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps {@link AiGuardException} to an RFC 9457 problem detail
 * ({@code application/problem+json}) with a stable {@code code} property and the reason
 * codes; never the text that was refused.
 * <ul>
 * <li>Input blocked: 400 Bad Request, code {@value #INPUT_BLOCKED}: the caller can change
 * the request.</li>
 * <li>Output blocked: 502 Bad Gateway, code {@value #OUTPUT_BLOCKED}: the request was
 * acceptable but the upstream model's answer was not, and the caller cannot fix that by
 * changing the request.</li>
 * </ul>
 */
@RestControllerAdvice
public class AiGuardProblemHandler {

	/** Problem {@code code} of a blocked input. */
	public static final String INPUT_BLOCKED = "AI_INPUT_BLOCKED";

	/** Problem {@code code} of a blocked output. */
	public static final String OUTPUT_BLOCKED = "AI_OUTPUT_BLOCKED";

	/** Problem {@code type} base. */
	public static final String TYPE_BASE = "https://ai-security.dev/problems/";

	@ExceptionHandler(AiGuardException.class)
	public ResponseEntity<ProblemDetail> handle(AiGuardException ex) {
		boolean input = ex.getDirection() == Direction.INPUT;
		HttpStatus status = input ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY;
		String code = input ? INPUT_BLOCKED : OUTPUT_BLOCKED;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				input ? "The request was refused by the AI input guard."
						: "The model's answer was withheld by the AI output guard.");
		problem.setTitle(input ? "AI input blocked" : "AI output blocked");
		problem.setType(URI.create(TYPE_BASE + (input ? "input-blocked" : "output-blocked")));
		problem.setProperty("code", code);
		problem.setProperty("reasons", ex.getReasonCodes());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
