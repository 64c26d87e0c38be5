package dev.aisecurity.integrity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a manifest, its detached signature and its artifacts are read from.
 */
public interface ManifestSource {

	/**
	 * A description for messages (a path or URI).
	 * @return the description
	 */
	String description();

	/**
	 * Read the manifest.
	 * @return its bytes
	 * @throws IOException if it cannot be read
	 */
	byte[] readManifest() throws IOException;

	/**
	 * Read the detached signature.
	 * @return its bytes, or {@code null} if there is no signature file
	 * @throws IOException if it exists but cannot be read
	 */
	byte[] readSignature() throws IOException;

	/**
	 * The locator for the artifacts, resolving relative paths against the manifest.
	 * @return the locator
	 */
	ArtifactLocator artifacts();

	/**
	 * A manifest file with its signature at {@code <manifest>.sig}.
	 * @param manifest the manifest file
	 * @return the source
	 */
	static ManifestSource file(Path manifest) {
		return file(manifest, manifest.resolveSibling(manifest.getFileName() + ".sig"));
	}

	/**
	 * A manifest file with its signature elsewhere.
	 * @param manifest the manifest file
	 * @param signature the signature file
	 * @return the source
	 */
	static ManifestSource file(Path manifest, Path signature) {
		return new ManifestSource() {

			@Override
			public String description() {
				return manifest.toString();
			}

			@Override
			public byte[] readManifest() throws IOException {
				return Files.readAllBytes(manifest);
			}

			@Override
			public byte[] readSignature() throws IOException {
				return Files.exists(signature) ? Files.readAllBytes(signature) : null;
			}

			@Override
			public ArtifactLocator artifacts() {
				Path parent = manifest.toAbsolutePath().getParent();
				return ArtifactLocator.fileSystem(parent);
			}

		};
	}

}
