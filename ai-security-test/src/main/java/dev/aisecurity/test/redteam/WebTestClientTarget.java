package dev.aisecurity.test.redteam;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Attacks an endpoint through a {@link WebTestClient}: bound to a WebFlux application, a
 * running server or a {@code MockMvc}. <pre class="code">
 * WebTestClientTarget.of(webTestClient).path("/api/chat").header("X-API-Key", "test-key").build();
 * </pre>
 */
public final class WebTestClientTarget implements AttackTarget {

	private final WebTestClient client;

	private final String path;

	private final Map<String, String> headers;

	private final RequestBodies bodies;

	private WebTestClientTarget(Builder builder) {
		this.client = builder.client;
		this.path = builder.path;
		this.headers = Map.copyOf(builder.headers);
		this.bodies = RequestBodies.of(builder.bodyTemplate);
	}

	public static Builder of(WebTestClient client) {
		return new Builder(client);
	}

	@Override
	public TargetResponse send(Attack attack) {
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri(this.path)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (!this.headers.containsKey("Accept")) {
					headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
							MediaType.TEXT_EVENT_STREAM));
				}
				this.headers.forEach(headers::set);
			})
			.bodyValue(this.bodies.body(attack))
			.exchange()
			.expectBody()
			.returnResult();
		byte[] body = result.getResponseBody();
		MediaType type = result.getResponseHeaders().getContentType();
		return TargetResponse.http(result.getStatus().value(), (type != null) ? type.toString() : null,
				(body != null) ? new String(body, StandardCharsets.UTF_8) : "");
	}

	@Override
	public boolean supportsRawBodies() {
		return true;
	}

	@Override
	public String name() {
		return "WebTestClient POST " + this.path;
	}

	/**
	 * Builds a {@link WebTestClientTarget}.
	 */
	public static final class Builder {

		private final WebTestClient client;

		private String path = "/";

		private final Map<String, String> headers = new LinkedHashMap<>();

		private String bodyTemplate = RequestBodies.DEFAULT_TEMPLATE;

		private Builder(WebTestClient client) {
			this.client = Objects.requireNonNull(client, "client");
		}

		/**
		 * The endpoint's path.
		 * @param path the path
		 * @return this builder
		 */
		public Builder path(String path) {
			this.path = path;
			return this;
		}

		/**
		 * A header sent with every attack.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/**
		 * The request body template, see {@link HttpTarget.Builder#bodyTemplate(String)}.
		 * @param template the template
		 * @return this builder
		 */
		public Builder bodyTemplate(String template) {
			this.bodyTemplate = template;
			return this;
		}

		public WebTestClientTarget build() {
			return new WebTestClientTarget(this);
		}

	}

}
