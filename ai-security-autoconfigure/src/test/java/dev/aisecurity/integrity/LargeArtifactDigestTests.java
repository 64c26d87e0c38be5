package dev.aisecurity.integrity;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hashes a sparse multi-gigabyte file. A 3 GiB file cannot be held in a Java array at all
 * (arrays stop at 2 GiB), so a correct digest proves the file was streamed; the heap
 * measured during hashing must also stay far below the file size. Tagged {@code large};
 * it runs in the default build (and so in CI). Size:
 * {@code -Dai.security.test.large-file-mib} (default 3072).
 */
@Tag("large")
class LargeArtifactDigestTests {

	private static final long MIB = 1024L * 1024;

	@TempDir
	Path directory;

	@Test
	void multiGigabyteFileIsHashedInConstantMemory() throws Exception {
		long size = Long.getLong("ai.security.test.large-file-mib", 3072) * MIB;
		Path file = this.directory.resolve("large-model.gguf");
		try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
			access.setLength(size);
			// A few non-zero bytes, so that the digest depends on reading the right
			// offsets
			access.seek(size / 3);
			access.write(0x5A);
			access.seek(size - 1);
			access.write(0xA5);
		}
		String expected = expectedDigest(size);
		List<Long> progress = new ArrayList<>();
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long usedBefore = runtime.totalMemory() - runtime.freeMemory();
		long[] peak = { usedBefore };
		StreamingDigester digester = new StreamingDigester(StreamingDigester.DEFAULT_BUFFER_SIZE, 512 * MIB,
				(description, read, total) -> {
					progress.add(read);
					peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory());
					assertThat(total).isEqualTo(size);
				});
		long start = System.nanoTime();
		StreamingDigester.Digest digest = digester.digest(ArtifactLocator.file(file));
		long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
		// Reported for docs/model-integrity.md, never asserted
		System.out.printf("Hashed %d MiB in %d ms (%d MiB/s)%n", size / MIB, millis, size / MIB * 1000 / millis);
		assertThat(digest.size()).isEqualTo(size);
		assertThat(digest.sha256()).isEqualTo(expected);
		assertThat(progress).isSorted().hasSizeGreaterThanOrEqualTo((int) (size / (512 * MIB)));
		assertThat(progress.get(progress.size() - 1)).isEqualTo(size);
		// Garbage from other tests may come and go; the file itself never lands on the
		// heap
		assertThat(peak[0] - usedBefore).isLessThan(size / 8);
	}

	/** The digest of the same content, fed from a buffer instead of the file. */
	private static String expectedDigest(long size) {
		MessageDigest digest = Sha256.newDigest();
		byte[] zeros = new byte[(int) MIB];
		long marker = size / 3;
		long position = 0;
		while (position < size) {
			int chunk = (int) Math.min(zeros.length, size - position);
			if (marker >= position && marker < position + chunk) {
				int before = (int) (marker - position);
				digest.update(zeros, 0, before);
				digest.update((byte) 0x5A);
				digest.update(zeros, 0, chunk - before - 1);
			}
			else if (position + chunk == size) {
				digest.update(zeros, 0, chunk - 1);
				digest.update((byte) 0xA5);
			}
			else {
				digest.update(zeros, 0, chunk);
			}
			position += chunk;
		}
		return Sha256.hex(digest.digest());
	}

}
