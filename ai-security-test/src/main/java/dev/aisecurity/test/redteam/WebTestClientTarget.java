package dev.aisecurity.test.redteam;

import java.nio.charset.StandardCharsets;
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
		this.path = builder.path();
		this.headers = builder.requestHeaders();
		this.bodies = builder.bodies();
	}

	public static Builder of(WebTestClient client) {
		return new Builder(client);
	}

	@Override
	public TargetResponse send(Attack attack) {
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri(this.path)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> this.headers.forEach(headers::set))
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
	public static final class Builder extends EndpointTargetBuilder<Builder> {

		private final WebTestClient client;

		private Builder(WebTestClient client) {
			super("/");
			this.client = Objects.requireNonNull(client, "client");
		}

		public WebTestClientTarget build() {
			return new WebTestClientTarget(this);
		}

	}

}
