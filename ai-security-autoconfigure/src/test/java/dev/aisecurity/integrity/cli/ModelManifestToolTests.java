package dev.aisecurity.integrity.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.aisecurity.integrity.ModelManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ModelManifestToolTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final ModelManifestTool tool = new ModelManifestTool(new PrintStream(this.out, true),
			new PrintStream(this.err, true));

	@Test
	void signBundleAndVerifyBundleRoundTrip() throws Exception {
		Path model = Files.createDirectories(this.directory.resolve("model"));
		Files.write(model.resolve("weights.bin"), new byte[] { 1, 2, 3, 4, 5 });
		Files.writeString(model.resolve("config.json"), "{}");
		String privateKey = this.directory.resolve("signer.key").toString();
		String publicKey = this.directory.resolve("signer.pub").toString();
		String otherPublic = this.directory.resolve("other.pub").toString();
		assertThat(run("keygen", "--private-key", privateKey, "--public-key", publicKey, "--algorithm", "P-384"))
			.isZero();
		assertThat(run("keygen", "--private-key", this.directory.resolve("other.key").toString(), "--public-key",
				otherPublic, "--algorithm", "EC"))
			.isZero();

		assertThat(run("sign-bundle", "--model", model.toString(), "--private-key", privateKey, "--public-key",
				otherPublic))
			.isEqualTo(1);
		assertThat(Files.exists(model.resolve("model.sig"))).isFalse();
		assertThat(
				run("sign-bundle", "--model", model.toString(), "--private-key", privateKey, "--public-key", publicKey))
			.isZero();
		assertThat(run("verify-bundle", "--model", model.toString(), "--public-key", publicKey)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("OK     model/weights.bin");

		assertThat(run("verify-bundle", "--model", model.toString(), "--public-key", otherPublic)).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("model-signature-untrusted-key");

		Files.write(model.resolve("weights.bin"), new byte[] { 1, 2, 3, 4, 6 });
		assertThat(run("verify-bundle", "--model", model.toString(), "--public-key", "release=" + publicKey))
			.isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("FAILED model/weights.bin");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("model-artifact-digest-mismatch")
			.contains("'weights.bin'");
	}

	@Test
	void keygenUpdateSignVerifyRoundTrip() throws Exception {
		Path model = Files.write(this.directory.resolve("model.onnx"), new byte[] { 1, 2, 3, 4, 5 });
		Path manifest = this.directory.resolve("manifest.json");
		Files.writeString(manifest, """
				{"schema": 1, "name": "demo", "versions": [
				  {"version": "1.0.0", "artifacts": [{"name": "model", "path": "model.onnx",
				    "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "size": 0}]}]}
				""");
		String privateKey = this.directory.resolve("demo.key").toString();
		String publicKey = this.directory.resolve("demo.pub").toString();

		assertThat(run("keygen", "--private-key", privateKey, "--public-key", publicKey)).isZero();
		assertThat(run("keygen", "--private-key", privateKey, "--public-key", publicKey)).isEqualTo(2);
		assertThat(run("update", "--manifest", manifest.toString())).isZero();
		assertThat(ModelManifest.parse(Files.readAllBytes(manifest)).latest().artifacts().get(0).size()).isEqualTo(5);
		assertThat(run("sign", "--manifest", manifest.toString(), "--private-key", privateKey, "--key-id", "demo"))
			.isZero();
		assertThat(run("verify", "--manifest", manifest.toString(), "--public-key", "demo=" + publicKey)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("OK     1.0.0 model");

		assertThat(run("digest", model.toString())).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0  5");

		Files.write(model, new byte[] { 1, 2, 3, 4, 6 });
		assertThat(run("verify", "--manifest", manifest.toString(), "--public-key", "demo=" + publicKey)).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("FAILED 1.0.0 model");

		assertThat(run("verify", "--manifest", manifest.toString(), "--public-key", "other=" + publicKey)).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("model-signature-untrusted-key");
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("frobnicate")).isEqualTo(2);
		assertThat(run("sign", "--manifest")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("usage:");
	}

	private int run(String... args) {
		return this.tool.run(args);
	}

}
