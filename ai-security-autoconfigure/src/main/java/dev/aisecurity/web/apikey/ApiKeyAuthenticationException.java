package dev.aisecurity.web.apikey;

import org.springframework.security.core.AuthenticationException;

/**
 * An API key was presented but is unknown, disabled or expired. The message is fixed and
 * never contains the key.
 */
public class ApiKeyAuthenticationException extends AuthenticationException {

	public ApiKeyAuthenticationException() {
		super("Invalid API key");
	}

}
