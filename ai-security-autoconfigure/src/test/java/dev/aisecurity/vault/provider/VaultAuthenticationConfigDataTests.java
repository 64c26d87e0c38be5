package dev.aisecurity.vault.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.aisecurity.vault.testsupport.FakeVaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three authentication methods documented in docs/vault.md, through Spring Cloud
 * Vault config data: the provider key becomes an ordinary property.
 */
class VaultAuthenticationConfigDataTests {

	private static final String KEY = "sk-test-auth-0000000000000042";

	private final FakeVaultServer vault = FakeVaultServer.start("root-token");

	@TempDir
	Path directory;

	@BeforeEach
	void secret() {
		this.vault.putSecret("auth-test", Map.of("spring.ai.openai.api-key", KEY));
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	private String openAiKey(String... authentication) {
		String[] common = { "--spring.application.name=auth-test", "--spring.config.import=vault://",
				"--spring.cloud.vault.uri=" + this.vault.uri(), "--spring.cloud.vault.kv.backend=secret" };
		String[] args = new String[common.length + authentication.length];
		System.arraycopy(common, 0, args, 0, common.length);
		System.arraycopy(authentication, 0, args, common.length, authentication.length);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.run(args)) {
			return context.getEnvironment().getProperty("spring.ai.openai.api-key");
		}
	}

	@Test
	void token() {
		assertThat(openAiKey("--spring.cloud.vault.authentication=TOKEN", "--spring.cloud.vault.token=root-token"))
			.isEqualTo(KEY);
		assertThat(this.vault.requests()).contains("GET /v1/auth/token/lookup-self",
				"GET /v1/sys/internal/ui/mounts/secret/auth-test", "GET /v1/secret/data/auth-test");
	}

	@Test
	void appRole() {
		this.vault.addAppRole("role-7", "secret-id-7");
		assertThat(openAiKey("--spring.cloud.vault.authentication=APPROLE",
				"--spring.cloud.vault.app-role.role-id=role-7", "--spring.cloud.vault.app-role.secret-id=secret-id-7"))
			.isEqualTo(KEY);
		assertThat(this.vault.requests()).contains("POST /v1/auth/approle/login");
	}

	@Test
	void kubernetes() throws IOException {
		Path jwt = this.directory.resolve("token");
		Files.writeString(jwt, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2ln");
		this.vault.addKubernetesRole("my-app", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2ln");
		assertThat(openAiKey("--spring.cloud.vault.authentication=KUBERNETES",
				"--spring.cloud.vault.kubernetes.role=my-app",
				"--spring.cloud.vault.kubernetes.service-account-token-file=" + jwt))
			.isEqualTo(KEY);
		assertThat(this.vault.requests()).contains("POST /v1/auth/kubernetes/login");
	}

	@SpringBootConfiguration
	static class Empty {

	}

}
