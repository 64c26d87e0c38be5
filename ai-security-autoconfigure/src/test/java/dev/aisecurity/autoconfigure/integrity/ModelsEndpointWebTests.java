package dev.aisecurity.autoconfigure.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.aisecurity.integrity.ModelFixture;
import dev.aisecurity.integrity.ModelIntegrityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The {@code aimodels} endpoint through Spring MVC, Spring Security and the starter's web
 * security (issue 4): reading needs role ADMIN; verify and rollback need role ADMIN and
 * the factors of the starter's MFA policy (password and one-time token for sessions).
 */
@SpringBootTest(properties = { "management.endpoints.web.exposure.include=aimodels",
		"spring.ai.openai.api-key=test-key-not-used", "spring.cloud.vault.enabled=false" })
@AutoConfigureMockMvc
class ModelsEndpointWebTests {

	private static final Path directory = createDirectory();

	private static ModelFixture fixture;

	@Autowired
	MockMvc mvc;

	@Autowired
	ModelIntegrityManager manager;

	@Autowired
	AuditRecorder audit;

	@DynamicPropertySource
	static void manifest(DynamicPropertyRegistry registry) throws IOException {
		fixture = new ModelFixture(directory).version("1.0.0", "model").version("2.0.0", "model");
		Path manifest = fixture.write();
		registry.add("ai.security.models.manifest", () -> "file:" + manifest);
		registry.add("ai.security.models.trusted-keys.test-key", () -> fixture.publicKeyPem().replace("\n", ""));
	}

	@BeforeEach
	void clearAudit() {
		this.audit.events.clear();
	}

	@Test
	void anonymousCallsAreRefused() throws Exception {
		this.mvc.perform(get("/actuator/aimodels")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/actuator/aimodels/rollback").contentType(MediaType.APPLICATION_JSON).with(csrf()))
			.andExpect(status().isUnauthorized());
		assertThat(this.manager.activeVersion().version()).isEqualTo("2.0.0");
	}

	@Test
	void adminListsVersionsArtifactsAndVerificationStatus() throws Exception {
		this.mvc.perform(get("/actuator/aimodels").with(user("USER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/aimodels").with(user("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.manifest").value("test-models"))
			.andExpect(jsonPath("$.signedBy").value("test-key"))
			.andExpect(jsonPath("$.activeVersion").value("2.0.0"))
			.andExpect(jsonPath("$.versions[0].version").value("1.0.0"))
			.andExpect(jsonPath("$.versions[0].status").value("UNVERIFIED"))
			.andExpect(jsonPath("$.versions[1].status").value("VERIFIED"))
			.andExpect(jsonPath("$.versions[1].active").value(true))
			.andExpect(jsonPath("$.versions[1].verifiedAt").exists())
			.andExpect(jsonPath("$.versions[1].artifacts[0].name").value("model"))
			.andExpect(jsonPath("$.versions[1].artifacts[0].verified").value(true));
	}

	@Test
	void rollbackWithoutTheSecondFactorIsRefusedAndAudited() throws Exception {
		this.mvc
			.perform(post("/actuator/aimodels/rollback").contentType(MediaType.APPLICATION_JSON)
				.with(csrf())
				.with(user("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY)))
			// The starter's MFA support (issue 4) answers API clients with a 401 problem
			// listing the missing factors; browsers are sent to the factor's login page
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("AI_MFA_REQUIRED"))
			.andExpect(jsonPath("$.missingFactors[0]").value(FactorGrantedAuthority.OTT_AUTHORITY));
		assertThat(this.manager.activeVersion().version()).isEqualTo("2.0.0");
		assertThat(this.audit.events).singleElement().satisfies((event) -> {
			assertThat(event.getType()).isEqualTo(ModelsEndpoint.AUDIT_DENIED);
			assertThat(event.getPrincipal()).isEqualTo("alice");
		});
	}

	@Test
	void rollbackByANonAdminWithBothFactorsIsRefused() throws Exception {
		this.mvc
			.perform(post("/actuator/aimodels/rollback").contentType(MediaType.APPLICATION_JSON)
				.with(csrf())
				.with(user("USER", FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY)))
			.andExpect(status().isForbidden());
		assertThat(this.manager.activeVersion().version()).isEqualTo("2.0.0");
	}

	@Test
	@DirtiesContext
	void adminWithBothFactorsRollsBackToTheLastKnownGoodVersion() throws Exception {
		RequestPostProcessor admin = user("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY,
				FactorGrantedAuthority.OTT_AUTHORITY);
		this.mvc.perform(
				post("/actuator/aimodels/rollback").contentType(MediaType.APPLICATION_JSON).with(csrf()).with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.previousVersion").value("2.0.0"))
			.andExpect(jsonPath("$.activeVersion").value("1.0.0"));
		assertThat(this.manager.activeVersion().version()).isEqualTo("1.0.0");
		assertThat(this.audit.events).singleElement().satisfies((event) -> {
			assertThat(event.getType()).isEqualTo(ModelsEndpoint.AUDIT_ROLLBACK);
			assertThat(event.getPrincipal()).isEqualTo("alice");
			assertThat(event.getData()).containsEntry("from", "2.0.0")
				.containsEntry("to", "1.0.0")
				.containsOnlyKeys("from", "to", "outcome");
		});

		// Nothing older than 1.0.0: a problem with a stable code
		this.mvc.perform(
				post("/actuator/aimodels/rollback").contentType(MediaType.APPLICATION_JSON).with(csrf()).with(admin))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("model-rollback-unavailable"))
			.andExpect(jsonPath("$.status").value(409));
		assertThat(this.audit.events).extracting(AuditEvent::getType)
			.containsExactly(ModelsEndpoint.AUDIT_ROLLBACK, ModelsEndpoint.AUDIT_ROLLBACK_FAILED);
	}

	@Test
	@DirtiesContext
	void onDemandVerificationReportsTampering() throws Exception {
		RequestPostProcessor admin = user("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY,
				FactorGrantedAuthority.OTT_AUTHORITY);
		this.mvc
			.perform(post("/actuator/aimodels/verify").contentType(MediaType.APPLICATION_JSON).with(csrf()).with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VERIFIED"));
		Path file = directory.resolve("model-2.0.0.bin");
		byte[] original = Files.readAllBytes(file);
		try {
			ModelFixture.flipByte(file);
			this.mvc.perform(
					post("/actuator/aimodels/verify").contentType(MediaType.APPLICATION_JSON).with(csrf()).with(admin))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.status").value("FAILED"))
				.andExpect(jsonPath("$.artifacts[0].failureCode").value("model-artifact-digest-mismatch"));
		}
		finally {
			Files.write(file, original);
		}
		this.mvc.perform(
				post("/actuator/aimodels/nonsense").contentType(MediaType.APPLICATION_JSON).with(csrf()).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("model-operation-unknown"));
	}

	private static RequestPostProcessor user(String role, String... factors) {
		List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		for (String factor : factors) {
			authorities.add(FactorGrantedAuthority.fromAuthority(factor));
		}
		return authentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", authorities));
	}

	private static Path createDirectory() {
		try {
			Path path = Files.createTempDirectory("aimodels-endpoint");
			path.toFile().deleteOnExit();
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		AuditRecorder auditRecorder() {
			return new AuditRecorder();
		}

	}

	static class AuditRecorder implements ApplicationListener<AuditApplicationEvent> {

		final List<AuditEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AuditApplicationEvent event) {
			this.events.add(event.getAuditEvent());
		}

	}

}
