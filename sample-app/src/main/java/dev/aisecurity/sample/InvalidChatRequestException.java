package dev.aisecurity.sample;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A chat request without a message: 400 problem detail with code
 * {@code INVALID_CHAT_REQUEST}.
 */
public class InvalidChatRequestException extends ErrorResponseException {

	public InvalidChatRequestException() {
		super(HttpStatus.BAD_REQUEST, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request needs a non-empty \"message\".");
		problem.setTitle("Invalid chat request");
		problem.setType(URI.create("https://ai-security.dev/problems/invalid-chat-request"));
		problem.setProperty("code", "INVALID_CHAT_REQUEST");
		return problem;
	}

}
