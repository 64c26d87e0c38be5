package dev.aisecurity.autoconfigure.integrity;

import java.nio.file.Path;

import dev.aisecurity.integrity.DigestProgressListener;
import dev.aisecurity.integrity.ModelBundleSigner;
import dev.aisecurity.integrity.ModelFixture;
import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.ModelKeys;
import dev.aisecurity.integrity.StreamingDigester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelIntegrityAutoConfigurationTests {

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ModelIntegrityAutoConfiguration.class));

	@Test
	void backsOffWithoutAManifest() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ModelIntegrityManager.class)
			.doesNotHaveBean(ModelOperationAuthorizer.class));
	}

	@Test
	void verifiesTheManifestWhenTheStartupListenerDidNotRun() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model").version("2.0.0", "model");
		Path manifest = fixture.write();
		this.runner.withPropertyValues(properties(manifest, fixture)).run((context) -> {
			assertThat(context).hasSingleBean(ModelIntegrityManager.class)
				.hasSingleBean(SecurityModelOperationAuthorizer.class);
			ModelIntegrityManager manager = context.getBean(ModelIntegrityManager.class);
			assertThat(manager.isInitialized()).isTrue();
			assertThat(manager.activeVersion().version()).isEqualTo("2.0.0");
		});
	}

	@Test
	void aConfiguredSigstoreBundleAloneTurnsModelIntegrityOn() throws Exception {
		Path model = java.nio.file.Files.createDirectories(this.directory.resolve("model"));
		java.nio.file.Files.writeString(model.resolve("weights.bin"), "weights");
		java.security.KeyPair keys = ModelKeys.generate("P-256");
		Path bundle = model.resolve("model.sig");
		java.nio.file.Files.write(bundle,
				new ModelBundleSigner(new StreamingDigester(DigestProgressListener.NONE))
					.sign(model, bundle, keys, java.util.List.of())
					.toJson());
		this.runner
			.withPropertyValues("ai.security.models.sigstore.bundle=file:" + bundle,
					"ai.security.models.trusted-keys.signer=" + ModelKeys.toPem(keys.getPublic()).replace("\n", ""))
			.run((context) -> {
				ModelIntegrityManager manager = context.getBean(ModelIntegrityManager.class);
				assertThat(manager.isInitialized()).isTrue();
				assertThat(manager.inventory().signedBy()).isNull();
				assertThat(manager.verifiedBundleFile("model/weights.bin")).isPresent();
			});
		java.nio.file.Files.writeString(model.resolve("extra.bin"), "extra");
		this.runner
			.withPropertyValues("ai.security.models.sigstore.bundle=file:" + bundle,
					"ai.security.models.trusted-keys.signer=" + ModelKeys.toPem(keys.getPublic()).replace("\n", ""))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ModelIntegrityException.class)
				.hasMessageContaining("'extra.bin'"));
	}

	@Test
	void tamperedArtifactStopsTheContext() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		ModelFixture.flipByte(this.directory.resolve("model-1.0.0.bin"));
		this.runner.withPropertyValues(properties(manifest, fixture))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ModelIntegrityException.class)
				.hasMessageContaining("model-1.0.0.bin"));
	}

	@Test
	void untrustedKeyStopsTheContext() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		String otherKey = new ModelFixture(this.directory).publicKeyPem();
		this.runner
			.withPropertyValues("ai.security.models.manifest=file:" + manifest,
					"ai.security.models.trusted-keys.test-key=" + otherKey.replace("\n", ""))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ModelIntegrityException.class)
				.hasMessageContaining("does not match"));
	}

	@Test
	void withoutSpringSecurityEveryOperationIsRefused() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues(properties(manifest, fixture))
			.run((context) -> {
				ModelOperationAuthorizer authorizer = context.getBean(ModelOperationAuthorizer.class);
				assertThatExceptionOfType(ModelOperationDeniedException.class)
					.isThrownBy(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.READ));
			});
	}

	static String[] properties(Path manifest, ModelFixture fixture) {
		return new String[] { "ai.security.models.manifest=file:" + manifest,
				"ai.security.models.trusted-keys.test-key=" + fixture.publicKeyPem().replace("\n", "") };
	}

}
