package dev.aisecurity.benchmarks.onnx;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Window embeddings of texts, kept in an append-only file under {@code target/} so that
 * training runs after the first one skip the encoder. Keyed by the SHA-256 of the text;
 * the file holds no text.
 */
final class EmbeddingCache implements AutoCloseable {

	private final Map<String, float[][]> entries = new HashMap<>();

	private final DataOutputStream out;

	EmbeddingCache(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		// sibling files (a second embedding run writes one) are read too
		try (java.util.stream.Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
			for (Path sibling : siblings.filter((p) -> p.getFileName().toString().startsWith(stem(file)))
				.filter((p) -> p.getFileName().toString().endsWith(".bin"))
				.toList()) {
				long valid = read(sibling);
				if (sibling.equals(file.toAbsolutePath()) && valid < Files.size(sibling)) {
					// drop a record cut by an interrupted run, so appends stay aligned
					try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(sibling,
							StandardOpenOption.WRITE)) {
						channel.truncate(valid);
					}
				}
			}
		}
		OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		this.out = new DataOutputStream(new BufferedOutputStream(stream));
	}

	private static String stem(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - ".bin".length()).replace("-reverse", "");
	}

	private long read(Path file) throws IOException {
		long valid = 0;
		{
			try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
				while (true) {
					String key;
					try {
						key = in.readUTF();
					}
					catch (EOFException ex) {
						break;
					}
					int windows = in.readInt();
					int dimensions = in.readInt();
					float[][] vectors = new float[windows][dimensions];
					for (float[] vector : vectors) {
						for (int d = 0; d < dimensions; d++) {
							vector[d] = in.readFloat();
						}
					}
					this.entries.put(key, vectors);
					valid += 2 + key.length() + 8 + 4L * windows * dimensions;
				}
			}
			catch (EOFException ex) {
				// a record cut by an interrupted run: the text is embedded again
			}
		}
		return valid;
	}

	static String key(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	synchronized float[][] get(String key) {
		return this.entries.get(key);
	}

	synchronized void put(String key, float[][] vectors) throws IOException {
		if (this.entries.putIfAbsent(key, vectors) != null) {
			return;
		}
		this.out.writeUTF(key);
		this.out.writeInt(vectors.length);
		this.out.writeInt(vectors[0].length);
		for (float[] vector : vectors) {
			for (float value : vector) {
				this.out.writeFloat(value);
			}
		}
		if (this.entries.size() % 100 == 0) {
			this.out.flush();
		}
	}

	synchronized int size() {
		return this.entries.size();
	}

	@Override
	public synchronized void close() throws IOException {
		this.out.close();
	}

}
