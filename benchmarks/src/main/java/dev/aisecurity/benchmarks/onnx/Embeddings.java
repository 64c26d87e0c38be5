package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.OrtException;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.SentenceEncoder;
import dev.aisecurity.onnx.WindowingTokenizer;

/**
 * Embeds texts window by window with the default encoder, through an
 * {@link EmbeddingCache}.
 */
final class Embeddings {

	/** Tokens per window, as the classifier uses them by default. */
	static final int WINDOW_TOKENS = 256;

	/** Overlap between windows. */
	static final int OVERLAP_TOKENS = 32;

	/** Windows kept per training text. */
	static final int MAX_WINDOWS = 8;

	private Embeddings() {
	}

	static Path cacheFile(DefaultModel model) {
		return Path.of("target", "onnx-embeddings",
				model.baseName() + "-w" + WINDOW_TOKENS + "-o" + OVERLAP_TOKENS + "-m" + MAX_WINDOWS + ".bin");
	}

	/**
	 * The window embeddings of every text, computing those the cache lacks.
	 */
	static float[][][] embed(DefaultModel model, List<String> texts, int threads) throws IOException {
		return embed(model, texts, threads, false);
	}

	/**
	 * The window embeddings of every text; a second run in parallel may work from the end
	 * ({@code reverse}) into its own cache file, which the first reads too.
	 */
	static float[][][] embed(DefaultModel model, List<String> texts, int threads, boolean reverse) throws IOException {
		ClassLoader loader = Embeddings.class.getClassLoader();
		float[][][] result = new float[texts.size()][][];
		Path file = cacheFile(model);
		if (reverse) {
			file = file.resolveSibling(file.getFileName().toString().replace(".bin", "-reverse.bin"));
		}
		try (EmbeddingCache cache = new EmbeddingCache(file);
				WindowingTokenizer tokenizer = model.tokenizer(loader, WINDOW_TOKENS, OVERLAP_TOKENS, MAX_WINDOWS)) {
			int missing = 0;
			for (int i = 0; i < texts.size(); i++) {
				result[i] = cache.get(EmbeddingCache.key(texts.get(i)));
				missing += (result[i] == null) ? 1 : 0;
			}
			if (missing == 0) {
				return result;
			}
			System.out.printf("Embedding %d of %d texts with %s (%d threads)%n", missing, texts.size(),
					model.baseName(), threads);
			AtomicInteger done = new AtomicInteger();
			long start = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try (SentenceEncoder encoder = model.encoder(loader, 1)) {
				List<Future<?>> futures = new java.util.ArrayList<>();
				for (int k = 0; k < texts.size(); k++) {
					int i = reverse ? texts.size() - 1 - k : k;
					if (result[i] != null) {
						continue;
					}
					int index = i;
					futures.add(pool.submit(() -> {
						String text = texts.get(index);
						float[][] vectors = encoder.embed(tokenizer.windows(text), null);
						cache.put(EmbeddingCache.key(text), vectors);
						result[index] = vectors;
						int count = done.incrementAndGet();
						if (count % 250 == 0) {
							System.out.printf("  %d embedded (%d s)%n", count,
									(System.nanoTime() - start) / 1_000_000_000L);
						}
						return null;
					}));
				}
				for (Future<?> future : futures) {
					future.get();
				}
			}
			catch (OrtException ex) {
				throw new IllegalStateException(ex);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			finally {
				pool.shutdownNow();
			}
		}
		return result;
	}

}
