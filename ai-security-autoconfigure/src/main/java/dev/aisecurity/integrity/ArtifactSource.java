package dev.aisecurity.integrity;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/**
 * The bytes of one model artifact, wherever they live.
 */
public interface ArtifactSource {

	/**
	 * A description for messages and logs (a path or URI; never content).
	 * @return the description
	 */
	String description();

	/**
	 * The size in bytes, or {@code -1} if unknown before reading.
	 * @return the size
	 * @throws IOException if the size cannot be determined
	 */
	long size() throws IOException;

	/**
	 * Open the content for reading.
	 * @return a channel the caller closes
	 * @throws IOException if the artifact cannot be opened
	 */
	ReadableByteChannel open() throws IOException;

}
