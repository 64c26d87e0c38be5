package dev.aisecurity.integrity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Model directories signed with model signing, listed in a signed manifest under
 * {@code sigstoreBundles}: verified with the manifest's versions, inventory and rollback.
 */
class SigstoreBundleManifestTests {

	@TempDir
	Path directory;

	private final KeyPair modelSigner = ModelKeys.generate("P-384");

	@Test
	void manifestListsAndRoundTripsBundles() {
		ModelManifest manifest = ModelManifest.parse("""
				{"schema": 1, "versions": [{"version": "1.0.0", "sigstoreBundles": [
				  {"name": "llm", "path": "llm/model.sig"},
				  {"name": "other", "path": "other.sig", "directory": "/opt/other"}]}]}
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(manifest.latest().bundles()).containsExactly(new ModelBundle("llm", "llm/model.sig", "llm"),
				new ModelBundle("other", "other.sig", "/opt/other"));
		assertThat(ModelManifest.parse(manifest.toPrettyJson()).latest()).isEqualTo(manifest.latest());
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ModelManifest.parse("""
				{"schema": 1, "versions": [{"version": "1.0.0", "sigstoreBundles": [
				  {"name": "llm", "path": "llm/model.sig", "keyless": true}]}]}
				""".getBytes(StandardCharsets.UTF_8))).withMessageContaining("unknown key 'keyless'");
	}

	@Test
	void bundleVersionsVerifyRollBackAndReportFiles() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "tokenizer");
		signedModel("llm-1", "one");
		signedModel("llm-2", "two");
		fixture.version(new ModelVersion("1.1.0", List.of(), List.of(),
				List.of(new ModelBundle("llm", "llm-1/model.sig", null))));
		fixture.version(new ModelVersion("2.0.0", List.of(), List.of(),
				List.of(new ModelBundle("llm", "llm-2/model.sig", null))));
		fixture.write();
		ModelIntegrityManager manager = manager(fixture, List.of(fixture.trustedKey(), bundleKey()));

		assertThat(manager.initialize().version()).isEqualTo("2.0.0");
		assertThat(manager.activeArtifact("llm/weights.bin").description()).endsWith("weights.bin");
		ModelInventory.VersionEntry active = manager.inventory().versions().get(2);
		assertThat(active.status()).isEqualTo("VERIFIED");
		assertThat(active.artifacts()).extracting(ArtifactStatus::name)
			.containsExactly("llm", "llm/config.json", "llm/weights.bin");
		assertThat(manager.inventory().versions().get(1).artifacts()).extracting(ArtifactStatus::name)
			.containsExactly("llm");

		ModelFixture.flipByte(this.directory.resolve("llm-2/weights.bin"));
		VersionVerification again = manager.verifyActive();
		assertThat(again.verified()).isFalse();
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> manager.activeArtifact("llm/weights.bin"));

		assertThat(manager.rollback().toVersion()).isEqualTo("1.1.0");
		assertThat(manager.activeArtifact("llm/weights.bin").description()).contains("llm-1");
	}

	@Test
	void bundleSignedByAKeyOnlyTheManifestTrustsNotIsRefused() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory);
		signedModel("llm", "one");
		fixture.version(new ModelVersion("1.0.0", List.of(), List.of(),
				List.of(new ModelBundle("llm", "llm/model.sig", null))));
		fixture.write();
		// Only the Ed25519 manifest key is trusted: the manifest verifies, the bundle not
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> manager(fixture, List.of(fixture.trustedKey())).initialize())
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNTRUSTED_KEY))
			.withMessageContaining("bundle entry 'llm'");
	}

	private void signedModel(String name, String content) throws Exception {
		Path model = Files.createDirectories(this.directory.resolve(name));
		Files.writeString(model.resolve("config.json"), "{\"name\": \"" + content + "\"}");
		Files.writeString(model.resolve("weights.bin"), content.repeat(500));
		Path bundle = model.resolve("model.sig");
		Files.write(bundle,
				new ModelBundleSigner(new StreamingDigester(DigestProgressListener.NONE))
					.sign(model, bundle, this.modelSigner, List.of())
					.toJson());
	}

	private TrustedKey bundleKey() {
		return new TrustedKey("model-signer", this.modelSigner.getPublic());
	}

	private ModelIntegrityManager manager(ModelFixture fixture, List<TrustedKey> keys) {
		return new ModelIntegrityManager(ManifestSource.file(this.directory.resolve("manifest.json")),
				new ManifestVerifier(keys, true), new StreamingDigester(DigestProgressListener.NONE),
				ModelStateStore.inMemory(), null, Clock.systemUTC());
	}

}
