package dev.aisecurity.integrity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelIntegrityManagerTests {

	@TempDir
	Path directory;

	@Test
	void initializeActivatesTheNewestVersion() throws Exception {
		ModelFixture fixture = threeVersions();
		ModelIntegrityManager manager = manager(fixture, ModelStateStore.inMemory(), null);
		VersionVerification verification = manager.initialize();
		assertThat(verification.version()).isEqualTo("3.0.0");
		assertThat(manager.activeVersion().version()).isEqualTo("3.0.0");
		assertThat(manager.activeArtifact("model").description()).endsWith("model-3.0.0.bin");
		ModelInventory inventory = manager.inventory();
		assertThat(inventory.signedBy()).isEqualTo("test-key");
		assertThat(inventory.versions()).extracting(ModelInventory.VersionEntry::status)
			.containsExactly("UNVERIFIED", "UNVERIFIED", "VERIFIED");
	}

	@Test
	void configuredVersionWinsAndUnknownVersionIsRefused() throws Exception {
		ModelFixture fixture = threeVersions();
		assertThat(manager(fixture, ModelStateStore.inMemory(), "2.0.0").initialize().version()).isEqualTo("2.0.0");
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> manager(fixture, ModelStateStore.inMemory(), "9.9.9").initialize())
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNKNOWN_VERSION));
	}

	@Test
	void tamperedActiveVersionFailsStartUp() throws Exception {
		ModelFixture fixture = threeVersions();
		ModelFixture.flipByte(this.directory.resolve("model-3.0.0.bin"));
		ModelIntegrityManager manager = manager(fixture, ModelStateStore.inMemory(), null);
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(manager::initialize)
			.withMessageContaining("model-3.0.0.bin");
		assertThat(manager.isInitialized()).isFalse();
	}

	@Test
	void rollbackReturnsToTheLastKnownGoodVersionAndSurvivesRestart() throws Exception {
		ModelFixture fixture = threeVersions();
		Path stateFile = this.directory.resolve("state/models-state.json");
		// Deploy 1.0.0, then 3.0.0: the history knows 1.0.0 as last known good
		manager(fixture, ModelStateStore.file(stateFile), "1.0.0").initialize();
		ModelIntegrityManager manager = manager(fixture, ModelStateStore.file(stateFile), "3.0.0");
		manager.initialize();
		assertThat(manager.inventory().lastKnownGood()).isEqualTo("1.0.0");

		ModelIntegrityManager.Rollback rollback = manager.rollback();
		assertThat(rollback.fromVersion()).isEqualTo("3.0.0");
		assertThat(rollback.toVersion()).isEqualTo("1.0.0");
		assertThat(manager.activeVersion().version()).isEqualTo("1.0.0");

		// A restart without a configured version keeps the rolled-back version
		ModelIntegrityManager restarted = manager(fixture, ModelStateStore.file(stateFile), null);
		assertThat(restarted.initialize().version()).isEqualTo("1.0.0");
	}

	@Test
	void rollbackWithoutHistoryUsesThePreviousManifestVersion() throws Exception {
		ModelIntegrityManager manager = manager(threeVersions(), ModelStateStore.inMemory(), null);
		manager.initialize();
		assertThat(manager.rollback().toVersion()).isEqualTo("2.0.0");
		assertThat(manager.rollback().toVersion()).isEqualTo("1.0.0");
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(manager::rollback)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.NO_ROLLBACK_TARGET));
		assertThat(manager.activeVersion().version()).isEqualTo("1.0.0");
	}

	@Test
	void rollbackToATamperedVersionIsRefusedAndKeepsTheActiveVersion() throws Exception {
		ModelFixture fixture = threeVersions();
		ModelIntegrityManager manager = manager(fixture, ModelStateStore.inMemory(), null);
		manager.initialize();
		ModelFixture.flipByte(this.directory.resolve("model-2.0.0.bin"));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(manager::rollback)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.DIGEST_MISMATCH))
			.withMessageContaining("model-2.0.0.bin");
		assertThat(manager.activeVersion().version()).isEqualTo("3.0.0");
		assertThat(manager.inventory().versions().get(1).status()).isEqualTo("FAILED");
	}

	@Test
	void onDemandVerificationNoticesLaterTampering() throws Exception {
		ModelFixture fixture = threeVersions();
		ModelIntegrityManager manager = manager(fixture, ModelStateStore.inMemory(), null);
		assertThat(manager.initialize().verified()).isTrue();
		ModelFixture.flipByte(this.directory.resolve("model-3.0.0.bin"));
		assertThat(manager.verifyActive().verified()).isFalse();
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> manager.activeArtifact("model"));
	}

	private ModelFixture threeVersions() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model")
			.version("2.0.0", "model")
			.version("3.0.0", "model");
		fixture.write();
		return fixture;
	}

	private ModelIntegrityManager manager(ModelFixture fixture, ModelStateStore store, String version) {
		return new ModelIntegrityManager(ManifestSource.file(this.directory.resolve("manifest.json")),
				new ManifestVerifier(List.of(fixture.trustedKey()), true),
				new StreamingDigester(DigestProgressListener.NONE), store, version, Clock.systemUTC());
	}

}
