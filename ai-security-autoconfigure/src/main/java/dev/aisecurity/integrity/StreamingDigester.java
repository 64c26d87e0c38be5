package dev.aisecurity.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;

/**
 * Computes SHA-256 over an artifact in fixed-size chunks: memory use is one buffer
 * whatever the file size, so multi-gigabyte models are hashed without being loaded.
 */
public final class StreamingDigester {

	/** Default read buffer: 1 MiB. */
	public static final int DEFAULT_BUFFER_SIZE = 1024 * 1024;

	/** Default progress interval: 256 MiB. */
	public static final long DEFAULT_PROGRESS_INTERVAL = 256L * 1024 * 1024;

	private final int bufferSize;

	private final long progressInterval;

	private final DigestProgressListener listener;

	/**
	 * Create a digester with the default buffer and progress interval.
	 * @param listener told about progress
	 */
	public StreamingDigester(DigestProgressListener listener) {
		this(DEFAULT_BUFFER_SIZE, DEFAULT_PROGRESS_INTERVAL, listener);
	}

	/**
	 * Create a digester.
	 * @param bufferSize bytes read at a time
	 * @param progressInterval bytes between progress reports
	 * @param listener told about progress
	 */
	public StreamingDigester(int bufferSize, long progressInterval, DigestProgressListener listener) {
		if (bufferSize < 4096 || progressInterval < 1) {
			throw new IllegalArgumentException("Buffer of at least 4096 bytes and a positive interval required");
		}
		this.bufferSize = bufferSize;
		this.progressInterval = progressInterval;
		this.listener = listener;
	}

	/**
	 * Hash an artifact.
	 * @param source the artifact
	 * @return the digest and the number of bytes read
	 * @throws IOException if reading fails
	 */
	public Digest digest(ArtifactSource source) throws IOException {
		long total = source.size();
		MessageDigest digest = Sha256.newDigest();
		ByteBuffer buffer = ByteBuffer.allocate(this.bufferSize);
		long read = 0;
		long nextReport = this.progressInterval;
		try (ReadableByteChannel channel = source.open()) {
			int count;
			while ((count = channel.read(buffer)) != -1) {
				if (count == 0) {
					continue;
				}
				buffer.flip();
				digest.update(buffer);
				buffer.clear();
				read += count;
				if (read >= nextReport) {
					this.listener.progress(source.description(), read, total);
					nextReport = read + this.progressInterval;
				}
			}
		}
		this.listener.progress(source.description(), read, total);
		return new Digest(Sha256.hex(digest.digest()), read);
	}

	/**
	 * A computed digest.
	 *
	 * @param sha256 the SHA-256 digest in lowercase hex
	 * @param size the number of bytes hashed
	 */
	public record Digest(String sha256, long size) {

	}

}
