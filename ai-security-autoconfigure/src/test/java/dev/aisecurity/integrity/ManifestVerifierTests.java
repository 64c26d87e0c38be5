package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ManifestVerifierTests {

	@TempDir
	Path directory;

	@Test
	void correctlySignedManifestLoads() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		ModelManifest verified = verifier(fixture.trustedKey()).verify(Files.readAllBytes(manifest),
				Files.readAllBytes(signature(manifest)), "manifest.json");
		assertThat(verified.latest().version()).isEqualTo("1.0.0");
		assertThat(verified.latest().artifact("model")).isPresent();
	}

	@Test
	void ecdsaSignedManifestLoads() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory, ModelKeys.generate("EC"), "ec-key").version("1.0.0",
				"model");
		Path manifest = fixture.write();
		assertThat(ManifestSignature.parse(Files.readAllBytes(signature(manifest))).algorithm())
			.isEqualTo(ModelKeys.ECDSA_SHA256);
		assertThat(verifier(fixture.trustedKey()).verify(Files.readAllBytes(manifest),
				Files.readAllBytes(signature(manifest)), "manifest.json"))
			.isNotNull();
	}

	@Test
	void reformattingKeepsTheSignatureValid() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		// Same content, other layout and key order
		byte[] canonical = Json.canonical(Json.parse(Files.readAllBytes(manifest)));
		assertThat(canonical).isNotEqualTo(Files.readAllBytes(manifest));
		assertThat(verifier(fixture.trustedKey()).verify(canonical, Files.readAllBytes(signature(manifest)), "m"))
			.isEqualTo(fixture.manifest());
	}

	@Test
	void changedManifestContentIsRefused() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		String text = ModelFixture.read(manifest);
		String digest = fixture.manifest().latest().artifacts().get(0).sha256();
		// An attacker swaps in the digest of their own file: one hex digit differs
		char last = digest.charAt(63);
		String tampered = text.replace(digest, digest.substring(0, 63) + ((last == '0') ? '1' : '0'));
		assertThat(tampered).isNotEqualTo(text);
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> verifier(fixture.trustedKey()).verify(tampered.getBytes(StandardCharsets.UTF_8),
					Files.readAllBytes(signature(manifest)), "manifest.json"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID))
			.withMessageContaining("manifest.json");
	}

	@Test
	void signatureByAnotherKeyUnderATrustedIdIsRefused() throws Exception {
		KeyPair attacker = ModelKeys.generate(ModelKeys.ED25519);
		ModelFixture fixture = new ModelFixture(this.directory, attacker, "test-key").version("1.0.0", "model");
		Path manifest = fixture.write();
		TrustedKey trusted = new TrustedKey("test-key", ModelKeys.generate(ModelKeys.ED25519).getPublic());
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> verifier(trusted).verify(Files.readAllBytes(manifest),
					Files.readAllBytes(signature(manifest)), "manifest.json"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID));
	}

	@Test
	void corruptedSignatureBytesAreRefused() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		ManifestSignature good = ManifestSignature.parse(Files.readAllBytes(signature(manifest)));
		byte[] bytes = good.signature();
		bytes[10] ^= 0x40;
		byte[] bad = new ManifestSignature(good.keyId(), good.algorithm(), bytes).toJson();
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> verifier(fixture.trustedKey()).verify(Files.readAllBytes(manifest), bad, "m"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID));
	}

	@Test
	void untrustedKeyIsRefused() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory, ModelKeys.generate(ModelKeys.ED25519), "someone-else")
			.version("1.0.0", "model");
		Path manifest = fixture.write();
		TrustedKey trusted = new TrustedKey("release", ModelKeys.generate(ModelKeys.ED25519).getPublic());
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> verifier(trusted).verify(Files.readAllBytes(manifest),
					Files.readAllBytes(signature(manifest)), "manifest.json"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNTRUSTED_KEY))
			.withMessageContaining("someone-else");
	}

	@Test
	void missingSignatureIsRefusedUnlessAllowed() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		byte[] manifest = Files.readAllBytes(fixture.write());
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> verifier(fixture.trustedKey()).verify(manifest, null, "m"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_MISSING));
		assertThat(new ManifestVerifier(List.of(), false).verify(manifest, null, "m")).isNotNull();
	}

	@Test
	void algorithmNamedInTheSignatureMustMatchTheKey() throws Exception {
		ModelFixture fixture = new ModelFixture(this.directory).version("1.0.0", "model");
		Path manifest = fixture.write();
		ManifestSignature good = ManifestSignature.parse(Files.readAllBytes(signature(manifest)));
		byte[] relabelled = new ManifestSignature(good.keyId(), ModelKeys.ECDSA_SHA256, good.signature()).toJson();
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> verifier(fixture.trustedKey()).verify(Files.readAllBytes(manifest), relabelled, "m"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID));
	}

	@Test
	void malformedManifestIsRefusedWithoutEchoingIt() {
		byte[] manifest = "{\"schema\":1,\"name\":\"secret-token-123\",\"name\":\"x\"}"
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> new ManifestVerifier(List.of(), false).verify(manifest, null, "m"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.MANIFEST_INVALID))
			.withMessageContaining("duplicate key")
			.withMessageNotContaining("secret-token-123");
	}

	private static ManifestVerifier verifier(TrustedKey key) {
		return new ManifestVerifier(List.of(key), true);
	}

	private static Path signature(Path manifest) {
		return manifest.resolveSibling("manifest.json.sig");
	}

}
