package dev.aisecurity.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.web.mfa.Base32;
import dev.aisecurity.web.mfa.Totp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code aimodels} actuator endpoint of the sample with the demo API keys: the admin
 * key reads the inventory; rolling back also needs the admin's TOTP code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// own context: its rollback and its one-time codes stay out of the other tests
		properties = "sample.test-context=model-endpoint")
class SampleModelEndpointTests {

	private static final String DEMO_ADMIN_TOTP_SECRET = "UPLSDNO64TBDNEURXVMFASCOPR3BDIWG";

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ModelIntegrityManager manager;

	@Test
	void adminReadsTheInventoryAndRollsBackWithASecondFactor() throws Exception {
		assertThat(call("GET", null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", "demo-pro-key", null).statusCode()).isEqualTo(403);

		HttpResponse<String> inventory = call("GET", "demo-admin-key", null);
		assertThat(inventory.statusCode()).isEqualTo(200);
		assertThat(inventory.body()).contains("\"activeVersion\":\"1.1.0\"")
			.contains("\"signedBy\":\"sample-demo\"")
			.contains("\"status\":\"VERIFIED\"");

		HttpResponse<String> withoutOtp = call("POST", "demo-admin-key", null);
		assertThat(withoutOtp.statusCode()).isEqualTo(401);
		assertThat(withoutOtp.body()).contains("\"code\":\"AI_MFA_REQUIRED\"");
		assertThat(this.manager.activeVersion().version()).isEqualTo("1.1.0");

		String code = Totp.defaults().generate(Base32.decode(DEMO_ADMIN_TOTP_SECRET), Instant.now());
		HttpResponse<String> rollback = call("POST", "demo-admin-key", code);
		assertThat(rollback.statusCode()).isEqualTo(200);
		assertThat(rollback.body()).contains("\"activeVersion\":\"1.0.0\"").contains("\"previousVersion\":\"1.1.0\"");
		assertThat(this.manager.activeVersion().version()).isEqualTo("1.0.0");
	}

	private HttpResponse<String> call(String method, String apiKey, String otp) throws Exception {
		String path = "POST".equals(method) ? "/actuator/aimodels/rollback" : "/actuator/aimodels";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json");
		if ("POST".equals(method)) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody());
		}
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		if (otp != null) {
			request.header("X-OTP", otp);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
