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
 * The CycloneDX SBOM that the build writes to {@code META-INF/sbom/application.cdx.json}
 * is served by Boot's {@code sbom} actuator endpoint to admins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleSbomTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Test
	void adminReadsTheApplicationSbom() throws Exception {
		HttpResponse<String> sbom = get("/actuator/sbom/application", "demo-admin-key");
		assertThat(sbom.statusCode()).isEqualTo(200);
		assertThat(sbom.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/vnd.cyclonedx+json"));
		String body = sbom.body().replace(" ", "");
		assertThat(body).contains("\"bomFormat\":\"CycloneDX\"")
			.contains("\"name\":\"ai-security-autoconfigure\"")
			.contains("\"name\":\"spring-ai-client-chat\"")
			// test-scoped dependencies are not shipped, so they are not listed
			.doesNotContain("\"name\":\"spring-boot-starter-test\"");

		HttpResponse<String> index = get("/actuator/sbom", "demo-admin-key");
		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.body()).contains("application");
	}

	@Test
	void sbomIsRefusedWithoutAdminCredentials() throws Exception {
		assertThat(get("/actuator/sbom/application", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/sbom/application", "wrong-key").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/sbom/application", "demo-pro-key").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> get(String path, String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
