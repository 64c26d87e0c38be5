package dev.aisecurity.test.redteam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every HTTP-shaped target is built from: the endpoint's path, headers sent with
 * every attack and the request body template.
 *
 * @param <B> the concrete builder
 */
public abstract class EndpointTargetBuilder<B extends EndpointTargetBuilder<B>> {

	/** Accepted unless a header says otherwise: answers, problem details and streams. */
	static final String DEFAULT_ACCEPT = "application/json, application/problem+json, text/event-stream";

	private String path;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String bodyTemplate = RequestBodies.DEFAULT_TEMPLATE;

	EndpointTargetBuilder(String defaultPath) {
		this.path = defaultPath;
	}

	/**
	 * The endpoint's path, for example {@code /api/chat}.
	 * @param path the path
	 * @return this builder
	 */
	public B path(String path) {
		this.path = path;
		return self();
	}

	/**
	 * A header sent with every attack (an API key, an {@code Accept} type).
	 * @param name the name
	 * @param value the value
	 * @return this builder
	 */
	public B header(String name, String value) {
		this.headers.put(name, value);
		return self();
	}

	/**
	 * The request body, with {@value RequestBodies#PLACEHOLDER} where the message goes as
	 * a JSON string (default {@code {"message":${message}}}).
	 * @param template the template
	 * @return this builder
	 */
	public B bodyTemplate(String template) {
		this.bodyTemplate = template;
		return self();
	}

	String path() {
		return this.path;
	}

	/** The configured headers, with {@link #DEFAULT_ACCEPT} unless one sets Accept. */
	Map<String, String> requestHeaders() {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.putIfAbsent("Accept", DEFAULT_ACCEPT);
		return Map.copyOf(headers);
	}

	RequestBodies bodies() {
		return RequestBodies.of(this.bodyTemplate);
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
