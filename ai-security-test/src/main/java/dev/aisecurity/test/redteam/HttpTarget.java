package dev.aisecurity.test.redteam;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Attacks a running server over HTTP with the JDK's {@link HttpClient}: for
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} tests, or a staging URL.
 * <pre class="code">
 * HttpTarget.baseUrl("http://localhost:" + port)
 *     .path("/api/chat")
 *     .header("X-API-Key", "test-key")
 *     .build();
 * </pre>
 */
public final class HttpTarget implements AttackTarget {

	private final URI uri;

	private final Map<String, String> headers;

	private final RequestBodies bodies;

	private final Duration timeout;

	private final HttpClient client;

	private HttpTarget(Builder builder) {
		this.uri = URI.create(stripSlash(builder.baseUrl) + leadingSlash(builder.path()));
		this.headers = builder.requestHeaders();
		this.bodies = builder.bodies();
		this.timeout = builder.timeout;
		// HTTP/1.1: no h2c upgrade dance on every plain-HTTP request
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(builder.timeout)
			.build();
	}

	/**
	 * Start a target for a server.
	 * @param baseUrl scheme, host and port, for example {@code http://localhost:8080}
	 * @return a builder
	 */
	public static Builder baseUrl(String baseUrl) {
		return new Builder(baseUrl);
	}

	@Override
	public TargetResponse send(Attack attack) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.bodies.body(attack)));
		this.headers.forEach(request::header);
		HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return TargetResponse.http(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				new String(response.body(), StandardCharsets.UTF_8));
	}

	@Override
	public boolean supportsRawBodies() {
		return true;
	}

	@Override
	public String name() {
		return "POST " + this.uri;
	}

	private static String leadingSlash(String path) {
		return (path.isEmpty() || path.startsWith("/")) ? path : "/" + path;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * Builds an {@link HttpTarget}.
	 */
	public static final class Builder extends EndpointTargetBuilder<Builder> {

		private final String baseUrl;

		private Duration timeout = Duration.ofSeconds(30);

		private Builder(String baseUrl) {
			super("");
			this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
		}

		/**
		 * Timeout of each attack (default 30 s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		public HttpTarget build() {
			return new HttpTarget(this);
		}

	}

}
