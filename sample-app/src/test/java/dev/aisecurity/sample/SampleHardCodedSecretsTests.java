package dev.aisecurity.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.aisecurity.vault.hardcoded.HardCodedSecretsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample in the {@code prod} profile: it starts as shipped (its files hold no literal
 * secret), and refuses to start when an extra configuration file holds a literal provider
 * key, naming the property but not the value.
 */
class SampleHardCodedSecretsTests {

	private static final String LITERAL_KEY = "sk-proj-Tq8Wm3Zr6Yc1Vb4Nx7Ls2Kd5Hf9Jg0PaEuRiOtYwQsXzC";

	@TempDir
	Path directory;

	@Test
	void prodStartsWithoutLiteralSecrets() {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--spring.profiles.active=prod", "--server.port=0")) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void prodRefusesALiteralProviderKey() throws IOException {
		Path file = this.directory.resolve("x.yml");
		Files.writeString(file, "spring.ai.openai.api-key: " + LITERAL_KEY + "\n");
		assertThatExceptionOfType(HardCodedSecretsException.class)
			.isThrownBy(() -> SpringApplication.run(SampleApplication.class, "--spring.profiles.active=prod",
					"--server.port=0", "--spring.config.additional-location=file:" + file))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("spring.ai.openai.api-key")
				.doesNotContain(LITERAL_KEY)
				.doesNotContain("Tq8Wm3Zr6Y"));
	}

}
