package dev.aisecurity.integrity;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds model directories for tests: random artifact files, a manifest listing them, and
 * a signature.
 */
public final class ModelFixture {

	private final Path directory;

	private final KeyPair keyPair;

	private final String keyId;

	private final List<ModelVersion> versions = new ArrayList<>();

	private final Random random = new Random(42);

	public ModelFixture(Path directory) {
		this(directory, ModelKeys.generate(ModelKeys.ED25519), "test-key");
	}

	public ModelFixture(Path directory, KeyPair keyPair, String keyId) {
		this.directory = directory;
		this.keyPair = keyPair;
		this.keyId = keyId;
	}

	/**
	 * Add a version with one artifact per name, each a random file named
	 * {@code <name>-<version>.bin}.
	 */
	public ModelFixture version(String version, String... artifactNames) throws IOException {
		List<ModelArtifact> artifacts = new ArrayList<>();
		for (String name : artifactNames) {
			byte[] content = new byte[1024 + this.random.nextInt(4096)];
			this.random.nextBytes(content);
			String file = name + "-" + version + ".bin";
			Files.write(this.directory.resolve(file), content);
			artifacts.add(new ModelArtifact(name, file, Sha256.hex(Sha256.of(content)), content.length, null));
		}
		this.versions.add(new ModelVersion(version, artifacts, List.of()));
		return this;
	}

	public ModelFixture version(ModelVersion version) {
		this.versions.add(version);
		return this;
	}

	public ModelManifest manifest() {
		return ModelManifest.of("test-models", this.versions);
	}

	/** Write manifest.json and manifest.json.sig; returns the manifest path. */
	public Path write() throws IOException {
		ModelManifest manifest = manifest();
		Path file = this.directory.resolve("manifest.json");
		Files.write(file, manifest.toPrettyJson());
		Files.write(this.directory.resolve("manifest.json.sig"),
				ManifestSignature.sign(manifest, this.keyId, this.keyPair.getPrivate()).toJson());
		return file;
	}

	public TrustedKey trustedKey() {
		return new TrustedKey(this.keyId, this.keyPair.getPublic());
	}

	public String publicKeyPem() {
		return ModelKeys.toPem(this.keyPair.getPublic());
	}

	public KeyPair keyPair() {
		return this.keyPair;
	}

	public Path directory() {
		return this.directory;
	}

	/** Flip one bit of one byte in the middle of a file, keeping its size. */
	public static void flipByte(Path file) throws IOException {
		try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
			long position = access.length() / 2;
			access.seek(position);
			int value = access.read();
			access.seek(position);
			access.write(value ^ 0x01);
		}
	}

	public static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
