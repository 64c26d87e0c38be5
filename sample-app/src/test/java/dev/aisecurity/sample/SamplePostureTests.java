package dev.aisecurity.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code aisecurity} posture endpoint of the sample: admins read the live checklist;
 * other callers are refused; the sample's own gaps (no TLS, demo setup) are reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SamplePostureTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Test
	void adminReadsTheLivePosture() throws Exception {
		assertThat(get(null).statusCode()).isEqualTo(401);
		assertThat(get("demo-pro-key").statusCode()).isEqualTo(403);

		HttpResponse<String> posture = get("demo-admin-key");
		assertThat(posture.statusCode()).isEqualTo(200);
		String body = posture.body().replace(" ", "");
		assertThat(body).contains("\"production\":false")
			.contains("{\"id\":\"input-validation\",\"status\":\"active\"")
			.contains("{\"id\":\"output-filtering\",\"status\":\"active\"")
			.contains("{\"id\":\"authentication\",\"status\":\"active\"")
			.contains("{\"id\":\"mfa\",\"status\":\"active\"")
			.contains("{\"id\":\"rate-limiting\",\"status\":\"active\"")
			.contains("{\"id\":\"model-integrity\",\"status\":\"active\"")
			.contains("{\"id\":\"kill-switch\",\"status\":\"active\"")
			// the sample serves plain HTTP: a gap outside production
			.contains("{\"id\":\"tls\",\"status\":\"degraded\"")
			.doesNotContain("demo-admin-key")
			.doesNotContain("UPLSDNO64TBDNEURXVMFASCOPR3BDIWG");
	}

	private HttpResponse<String> get(String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/aisecurity"))
			.header("Accept", "application/json");
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
