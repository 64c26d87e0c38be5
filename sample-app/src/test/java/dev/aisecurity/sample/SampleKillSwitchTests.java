package dev.aisecurity.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.aisecurity.actuate.KillSwitch;
import dev.aisecurity.actuate.KillSwitchEndpoint;
import dev.aisecurity.web.mfa.Base32;
import dev.aisecurity.web.mfa.Totp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident response in the sample: the demo admin (API key + TOTP) engages the kill
 * switch, chat answers 503 {@code AI_KILL_SWITCH_ACTIVE}, disengaging restores it; other
 * callers cannot flip it; every attempt is audited without secrets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// own context: the switch state and one-time codes stay out of the other tests
		properties = "sample.test-context=kill-switch")
class SampleKillSwitchTests {

	private static final String DEMO_ADMIN_TOTP_SECRET = "UPLSDNO64TBDNEURXVMFASCOPR3BDIWG";

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private KillSwitch killSwitch;

	@Autowired
	private AuditCapture audit;

	@Test
	void adminEngagesAndDisengagesTheKillSwitch() throws Exception {
		assertThat(chat("demo-pro-key").statusCode()).isEqualTo(200);

		// anonymous: refused (401, or 403 from CSRF protection for a session-less POST)
		assertThat(post("/actuator/aikillswitch/engage", null, null).statusCode()).isIn(401, 403);
		assertThat(post("/actuator/aikillswitch/engage", "demo-pro-key", null).statusCode()).isEqualTo(403);
		HttpResponse<String> withoutOtp = post("/actuator/aikillswitch/engage", "demo-admin-key", null);
		assertThat(withoutOtp.statusCode()).isEqualTo(401);
		assertThat(withoutOtp.body()).contains("\"code\":\"AI_MFA_REQUIRED\"");
		assertThat(this.killSwitch.isEngaged()).isFalse();
		assertThat(chat("demo-pro-key").statusCode()).isEqualTo(200);

		HttpResponse<String> engaged = post("/actuator/aikillswitch/engage", "demo-admin-key", totp());
		assertThat(engaged.statusCode()).isEqualTo(200);
		assertThat(engaged.body()).contains("\"engaged\":true").contains("\"changedBy\":\"demo-admin\"");
		assertThat(this.killSwitch.isEngaged()).isTrue();

		HttpResponse<String> refused = chat("demo-pro-key");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("\"code\":\"AI_KILL_SWITCH_ACTIVE\"")
			.contains("\"status\":503")
			.doesNotContain("kill-switch-probe");
		HttpResponse<String> streamRefused = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/chat/stream"))
					.header("Content-Type", "application/json")
					.header("Accept", "text/event-stream")
					.header("X-API-Key", "demo-pro-key")
					.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"kill-switch-probe\"}")));
		assertThat(streamRefused.statusCode()).isEqualTo(503);
		// the state stays readable for the admin
		HttpResponse<String> state = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/aikillswitch"))
					.header("Accept", "application/json")
					.header("X-API-Key", "demo-admin-key"));
		assertThat(state.statusCode()).isEqualTo(200);
		assertThat(state.body()).contains("\"engaged\":true");

		HttpResponse<String> disengaged = post("/actuator/aikillswitch/disengage", "demo-admin-key", nextStepTotp());
		assertThat(disengaged.statusCode()).as(disengaged.body()).isEqualTo(200);
		assertThat(this.killSwitch.isEngaged()).isFalse();
		assertThat(chat("demo-pro-key").statusCode()).isEqualTo(200);

		List<AuditApplicationEvent> events = this.audit.events.stream()
			.filter((event) -> event.getAuditEvent().getType().startsWith("AI_KILL_SWITCH"))
			.toList();
		assertThat(events).extracting((event) -> event.getAuditEvent().getType())
			.contains(KillSwitchEndpoint.AUDIT_DENIED, KillSwitchEndpoint.AUDIT_ENGAGED,
					KillSwitchEndpoint.AUDIT_DISENGAGED);
		assertThat(events).allSatisfy(
				(event) -> assertThat(event.getAuditEvent().getData().toString()).doesNotContain("demo-admin-key")
					.doesNotContain("demo-pro-key")
					.doesNotContain(DEMO_ADMIN_TOTP_SECRET));
	}

	private static String totp() {
		return Totp.defaults().generate(Base32.decode(DEMO_ADMIN_TOTP_SECRET), Instant.now());
	}

	/**
	 * The next step's code: a used step is refused (replay protection), the next one is
	 * within the verifier's drift window.
	 */
	private static String nextStepTotp() {
		return Totp.defaults().generate(Base32.decode(DEMO_ADMIN_TOTP_SECRET), Instant.now().plusSeconds(30));
	}

	private HttpResponse<String> chat(String apiKey) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/chat"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-API-Key", apiKey)
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"kill-switch-probe\"}")));
	}

	private HttpResponse<String> post(String path, String apiKey, String otp) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody());
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		if (otp != null) {
			request.header("X-OTP", otp);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class AuditCaptureConfiguration {

		@Bean
		AuditCapture auditCapture() {
			return new AuditCapture();
		}

	}

	static class AuditCapture implements ApplicationListener<AuditApplicationEvent> {

		final List<AuditApplicationEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AuditApplicationEvent event) {
			this.events.add(event);
		}

	}

}
