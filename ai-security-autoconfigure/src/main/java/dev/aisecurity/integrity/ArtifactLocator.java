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
	 * A locator for the file system: relative paths resolve against {@code baseDirectory}
	 * (normally the manifest's directory); {@code file:} URIs and absolute paths are used
	 * as they are.
	 * @param baseDirectory the directory relative paths start from
	 * @return the locator
	 */
	static ArtifactLocator fileSystem(Path baseDirectory) {
		return (location) -> {
			Path path;
			if (location.startsWith("file:")) {
				path = Path.of(java.net.URI.create(location));
			}
			else {
				path = baseDirectory.resolve(location);
			}
			return file(path);
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
