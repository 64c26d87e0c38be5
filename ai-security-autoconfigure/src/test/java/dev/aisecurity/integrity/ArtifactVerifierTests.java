package dev.aisecurity.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArtifactVerifierTests {

	@TempDir
	Path directory;

	@Test
	void untouchedArtifactsVerify() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model", "tokenizer");
		VersionVerification verification = verifier().verify(fixture.manifest().latest());
		assertThat(verification.verified()).isTrue();
		assertThat(verification.artifacts()).extracting(ArtifactStatus::name).containsExactly("model", "tokenizer");
		assertThat(verification.artifacts()).allSatisfy((status) -> {
			assertThat(status.actualSha256()).isEqualTo(status.expectedSha256());
			assertThat(status.verifiedAt()).isNotNull();
		});
	}

	@Test
	void oneFlippedByteIsRefusedNamingFileAndDigestPrefixes() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		ModelArtifact artifact = fixture.manifest().latest().artifacts().get(0);
		ModelFixture.flipByte(this.directory.resolve(artifact.location()));
		String actual = Sha256.hex(Sha256.of(Files.readAllBytes(this.directory.resolve(artifact.location()))));
		VersionVerification verification = verifier().verify(fixture.manifest().latest());
		assertThat(verification.verified()).isFalse();
		ArtifactStatus status = verification.artifacts().get(0);
		assertThat(status.failureCode()).isEqualTo(ModelIntegrityException.Reason.DIGEST_MISMATCH.code());
		assertThat(status.actualSha256()).isEqualTo(actual);
		assertThat(status.message()).contains("model-1.0.0.bin")
			.contains(artifact.sha256().substring(0, 12))
			.contains(actual.substring(0, 12))
			// prefixes only: the full digests stay out of logs and messages
			.doesNotContain(artifact.sha256())
			.doesNotContain(actual);
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(verification::requireVerified)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.DIGEST_MISMATCH));
	}

	@Test
	void truncatedArtifactFailsOnSizeBeforeHashing() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		ModelArtifact artifact = fixture.manifest().latest().artifacts().get(0);
		Path file = this.directory.resolve(artifact.location());
		Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) artifact.size() - 1));
		ArtifactStatus status = verifier().verify("1.0.0", artifact);
		assertThat(status.verified()).isFalse();
		assertThat(status.failureCode()).isEqualTo(ModelIntegrityException.Reason.SIZE_MISMATCH.code());
		assertThat(status.actualSha256()).isNull();
	}

	@Test
	void missingArtifactIsRefused() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		ModelArtifact artifact = fixture.manifest().latest().artifacts().get(0);
		Files.delete(this.directory.resolve(artifact.location()));
		ArtifactStatus status = verifier().verify("1.0.0", artifact);
		assertThat(status.verified()).isFalse();
		assertThat(status.failureCode()).isEqualTo(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE.code());
	}

	private ArtifactVerifier verifier() {
		return new ArtifactVerifier(ArtifactLocator.fileSystem(this.directory),
				new StreamingDigester(DigestProgressListener.NONE), Clock.systemUTC());
	}

}
