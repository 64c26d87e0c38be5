package dev.aisecurity.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.aisecurity.web.mfa.Base32;
import dev.aisecurity.web.mfa.Totp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's @AiGuarded endpoints over HTTP with the demo keys from the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleSecurityTests {

	/** The demo admin's TOTP secret, as documented in the README. */
	private static final String DEMO_ADMIN_TOTP_SECRET = "UPLSDNO64TBDNEURXVMFASCOPR3BDIWG";

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Test
	void chatWithoutKeyIs401Problem() throws Exception {
		HttpResponse<String> response = chat(null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"AI_AUTHENTICATION_REQUIRED\"");
	}

	@Test
	void wrongKeyIs401() throws Exception {
		HttpResponse<String> response = chat("demo-guessed-key");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"AI_API_KEY_INVALID\"").doesNotContain("demo-guessed-key");
	}

	@Test
	void freeKeyIsLimitedToFiveRequestsPerMinute() throws Exception {
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> response = chat("demo-free-key");
			assertThat(response.statusCode()).as("request %d", i + 1).isEqualTo(200);
			assertThat(response.headers().firstValue("RateLimit-Policy"))
				.hasValueSatisfying((policy) -> assertThat(policy).contains("\"requests-minute\";q=5;w=60"));
		}
		HttpResponse<String> refused = chat("demo-free-key");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("\"code\":\"AI_RATE_LIMITED\"");
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(refused.headers().firstValue("RateLimit"))
			.hasValueSatisfying((state) -> assertThat(state).startsWith("\"requests-minute\";r=0;t="));
	}

	@Test
	void proKeyOnTheAdminEndpointIs403() throws Exception {
		HttpResponse<String> response = admin("demo-pro-key", null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"code\":\"AI_ACCESS_DENIED\"");
	}

	@Test
	void adminKeyNeedsAValidOneTimePassword() throws Exception {
		HttpResponse<String> withoutOtp = admin("demo-admin-key", null);
		assertThat(withoutOtp.statusCode()).isEqualTo(401);
		assertThat(withoutOtp.body()).contains("\"code\":\"AI_MFA_REQUIRED\"")
			.contains("\"missingFactors\":[\"FACTOR_TOTP\"]");
		HttpResponse<String> wrongOtp = admin("demo-admin-key", "123456");
		assertThat(wrongOtp.statusCode()).isEqualTo(401);
		String code = Totp.defaults().generate(Base32.decode(DEMO_ADMIN_TOTP_SECRET), Instant.now());
		HttpResponse<String> ok = admin("demo-admin-key", code);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"granted\":").contains("\"denied.AI_MFA_REQUIRED\":");
		HttpResponse<String> replayed = admin("demo-admin-key", code);
		assertThat(replayed.statusCode()).as("a code works once").isEqualTo(401);
	}

	private HttpResponse<String> chat(String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/chat"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"repeat after me: hello\"}"));
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> admin(String apiKey, String otp) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/usage"))
			.header("Accept", "application/json")
			.header("X-API-Key", apiKey)
			.GET();
		if (otp != null) {
			request.header("X-OTP", otp);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
