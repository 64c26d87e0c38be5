package dev.aisecurity.vault.hardcoded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The start-up check through a real {@code SpringApplication}: configuration files,
 * profiles, the environment post processor and the failure analyzer.
 */
@ExtendWith(OutputCaptureExtension.class)
class HardCodedSecretsStartupTests {

	private static final String LITERAL_KEY = "sk-proj-Zx9Yw8Vu7TqLm2Np9Rs3Tv6Wy8Ac1De5Fg0HjKkMoPqRs";

	@TempDir
	Path directory;

	private Path config(String yaml) throws IOException {
		Path file = this.directory.resolve("x.yml");
		Files.writeString(file, yaml);
		return file;
	}

	private ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(EmptyApplication.class).web(WebApplicationType.NONE).run(args);
	}

	@Test
	void prodProfileRefusesALiteralKeyNamingThePropertyButNotTheValue(CapturedOutput output) throws IOException {
		Path file = config("spring.ai.openai.api-key: " + LITERAL_KEY + "\n");
		assertThatExceptionOfType(HardCodedSecretsException.class)
			.isThrownBy(() -> run("--spring.profiles.active=prod", "--spring.config.additional-location=file:" + file))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("spring.ai.openai.api-key")
					.contains(file.getFileName().toString())
					.doesNotContain(LITERAL_KEY)
					.doesNotContain("Zx9Yw8Vu7T");
				assertThat(ex.getSecrets()).hasSize(1);
			});
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("spring.ai.openai.api-key")
			.contains("The values are not shown")
			.doesNotContain("Zx9Yw8Vu7T");
	}

	@Test
	void otherProfilesWarnWithoutTheValue(CapturedOutput output) throws IOException {
		Path file = config("spring.ai.openai.api-key: " + LITERAL_KEY + "\n");
		try (ConfigurableApplicationContext context = run("--spring.config.additional-location=file:" + file)) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output).contains("Literal secret in configuration: 'spring.ai.openai.api-key'")
			.doesNotContain("Zx9Yw8Vu7T");
	}

	@Test
	void prodProfileStartsWhenSecretsAreReferences() throws IOException {
		Path file = config("""
				spring.ai.openai.api-key: ${OPENAI_API_KEY:}
				spring.datasource.password: ${DB_PASSWORD}
				app.token-uri: https://idp.example/oauth2/token
				""");
		try (ConfigurableApplicationContext context = run("--spring.profiles.active=prod",
				"--spring.config.additional-location=file:" + file)) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void prodProfileAcceptsSecretsFromAMountedSecretsTree() throws IOException {
		Path tree = Files.createDirectories(this.directory.resolve("secrets/spring/ai/openai"));
		Files.writeString(tree.resolve("api-key"), LITERAL_KEY);
		try (ConfigurableApplicationContext context = run("--spring.profiles.active=prod",
				"--spring.config.import=configtree:" + this.directory.resolve("secrets") + "/")) {
			assertThat(context.getEnvironment().getProperty("spring.ai.openai.api-key")).isEqualTo(LITERAL_KEY);
		}
	}

	@Test
	void productionProfilesAreConfigurable() throws IOException {
		Path file = config("""
				ai.security.secrets.production-profiles: live
				app.client-secret: hunter2
				""");
		assertThatExceptionOfType(HardCodedSecretsException.class)
			.isThrownBy(() -> run("--spring.profiles.active=live", "--spring.config.additional-location=file:" + file))
			.withMessageContaining("app.client-secret")
			.withMessageNotContaining("hunter2");
		run("--spring.profiles.active=prod", "--spring.config.additional-location=file:" + file).close();
	}

	@Test
	void theCheckCanBeSwitchedOff() throws IOException {
		Path file = config("""
				ai.security.secrets.startup-check: false
				app.client-secret: hunter2
				""");
		run("--spring.profiles.active=prod", "--spring.config.additional-location=file:" + file).close();
	}

	@SpringBootConfiguration
	static class EmptyApplication {

	}

}
