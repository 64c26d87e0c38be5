package dev.aisecurity.integrity;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds the bytes of the artifacts a manifest lists.
 */
@FunctionalInterface
public interface ArtifactLocator {

	/**
	 * Locate an artifact.
	 * @param location the artifact's {@code path} from the manifest
	 * @return its source
	 * @throws IOException if the location cannot be resolved
	 */
	ArtifactSource locate(String location) throws IOException;

	/**
	 * The file-system path of a location, for model directories that must be listed
	 * (Sigstore bundles).
	 * @param location a path from the manifest
	 * @return the path
	 * @throws IOException if the location is not on the file system (for example a class
	 * path resource inside a jar)
	 */
	default Path path(String location) throws IOException {
		throw new IOException("Location " + location + " is not on the file system");
	}

	/**
	 * A locator for the file system: relative paths resolve against {@code baseDirectory}
	 * (normally the manifest's directory); {@code file:} URIs and absolute paths are used
	 * as they are.
	 * @param baseDirectory the directory relative paths start from
	 * @return the locator
	 */
	static ArtifactLocator fileSystem(Path baseDirectory) {
		return new ArtifactLocator() {

			@Override
			public ArtifactSource locate(String location) {
				return file(path(location));
			}

			@Override
			public Path path(String location) {
				if (location.startsWith("file:")) {
					return Path.of(java.net.URI.create(location));
				}
				return baseDirectory.resolve(location);
			}

		};
	}

	/**
	 * A source for a file.
	 * @param path the file
	 * @return the source
	 */
	static ArtifactSource file(Path path) {
		return new ArtifactSource() {

			@Override
			public String description() {
				return path.toString();
			}

			@Override
			public long size() throws IOException {
				return Files.size(path);
			}

			@Override
			public ReadableByteChannel open() throws IOException {
				return FileChannel.open(path, StandardOpenOption.READ);
			}

		};
	}

}
