package dev.aisecurity.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import dev.aisecurity.integrity.ManifestSignature;
import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.ModelInventory;
import dev.aisecurity.integrity.ModelKeys;
import dev.aisecurity.integrity.ModelManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample ships a small model file per version and a manifest signed with a demo-only
 * key: it starts with them, and refuses to start with a tampered copy.
 */
class SampleModelIntegrityTests {

	private static final String[] SHIPPED = { "manifest.json", "manifest.json.sig", "demo-model-1.0.0.bin",
			"demo-model-1.1.0.bin" };

	@TempDir
	Path directory;

	@Test
	void startsWithTheShippedSignedManifest() {
		try (ConfigurableApplicationContext context = run()) {
			ModelIntegrityManager manager = context.getBean(ModelIntegrityManager.class);
			ModelInventory inventory = manager.inventory();
			assertThat(inventory.signedBy()).isEqualTo("sample-demo");
			assertThat(inventory.activeVersion()).isEqualTo("1.1.0");
			assertThat(inventory.versions()).extracting(ModelInventory.VersionEntry::status)
				.containsExactly("UNVERIFIED", "VERIFIED");
		}
	}

	@Test
	void startsWithAnotherSignedManifestGivenOnTheCommandLine() throws Exception {
		Path manifest = copyShipped();
		try (ConfigurableApplicationContext context = run("--ai.security.models.manifest=file:" + manifest)) {
			ModelInventory inventory = context.getBean(ModelIntegrityManager.class).inventory();
			assertThat(inventory.source()).contains(this.directory.getFileName().toString());
			assertThat(inventory.activeVersion()).isEqualTo("1.1.0");
		}
	}

	@Test
	void refusesToStartWithATamperedModelFile() throws Exception {
		Path manifest = copyShipped();
		Path model = this.directory.resolve("demo-model-1.1.0.bin");
		byte[] bytes = Files.readAllBytes(model);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(model, bytes);
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> run("--ai.security.models.manifest=file:" + manifest))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.DIGEST_MISMATCH))
			.withMessageContaining("demo-model-1.1.0.bin");
	}

	@Test
	void refusesToStartWithATamperedManifest() throws Exception {
		Path manifest = copyShipped();
		// Point version 1.1.0 at the other file, as an attacker swapping models would
		String text = Files.readString(manifest, StandardCharsets.UTF_8);
		ModelManifest shipped = ModelManifest.parse(text.getBytes(StandardCharsets.UTF_8));
		String oldDigest = shipped.version("1.0.0").orElseThrow().artifacts().get(0).sha256();
		String newDigest = shipped.version("1.1.0").orElseThrow().artifacts().get(0).sha256();
		Files.writeString(manifest,
				text.replace("demo-model-1.1.0.bin", "demo-model-1.0.0.bin").replace(newDigest, oldDigest),
				StandardCharsets.UTF_8);
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> run("--ai.security.models.manifest=file:" + manifest))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID));
	}

	@Test
	void refusesToStartWithAManifestSignedByAnUntrustedKey() throws Exception {
		Path manifest = copyShipped();
		KeyPair attacker = ModelKeys.generate(ModelKeys.ED25519);
		ModelManifest parsed = ModelManifest.parse(Files.readAllBytes(manifest));
		Files.write(this.directory.resolve("manifest.json.sig"),
				ManifestSignature.sign(parsed, "attacker", attacker.getPrivate()).toJson());
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> run("--ai.security.models.manifest=file:" + manifest))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNTRUSTED_KEY));
	}

	private Path copyShipped() throws IOException {
		for (String name : SHIPPED) {
			try (InputStream in = new ClassPathResource("models/" + name).getInputStream()) {
				Files.copy(in, this.directory.resolve(name));
			}
		}
		return this.directory.resolve("manifest.json");
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE).run(args);
	}

}
