package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import ai.onnxruntime.OrtException;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.OnnxSession;
import dev.aisecurity.onnx.TokenWindows;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distils the default encoder into a static token-embedding table (the model2vec idea):
 * every vocabulary token runs once through all-MiniLM-L6-v2 as {@code [CLS] token [SEP]}
 * and its output is kept, in two forms, so that cross-validation can choose between them:
 * the output at the token's own position ({@code token}) and the mean over all three
 * positions ({@code mean3}, the encoder's usual mean pooling). A one-off offline step;
 * the tables are raw float32 files (not shipped), which {@link TrainStatic} reads.
 * <p>
 * Usage: {@code DistillStatic [--out DIR] [--batch N]}; default output
 * {@code target/onnx-static/}.
 */
public final class DistillStatic {

	/** The first id of BERT's vocabulary ids [CLS] and [SEP]. */
	static final long CLS = 101;

	static final long SEP = 102;

	private DistillStatic() {
	}

	public static void main(String[] args) throws IOException, OrtException {
		Path out = Path.of("target", "onnx-static");
		int batch = 512;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--out" -> out = Path.of(args[++i]);
				case "--batch" -> batch = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		DefaultModel model = DefaultModel.QUANTIZED;
		ClassLoader loader = DistillStatic.class.getClassLoader();
		int vocabulary = vocabularySize(loader, model);
		byte[] onnx;
		try (InputStream in = loader.getResourceAsStream(model.modelResource())) {
			onnx = in.readAllBytes();
		}
		float[][] token = new float[vocabulary][];
		float[][] mean3 = new float[vocabulary][];
		long start = System.nanoTime();
		try (OnnxSession session = new OnnxSession(onnx, 1, null)) {
			for (int from = 0; from < vocabulary; from += batch) {
				int count = Math.min(batch, vocabulary - from);
				long[][] ids = new long[count][];
				long[][] mask = new long[count][];
				for (int k = 0; k < count; k++) {
					ids[k] = new long[] { CLS, from + k, SEP };
					mask[k] = new long[] { 1, 1, 1 };
				}
				float[][][] hidden = (float[][][]) session.run(new TokenWindows(ids, mask, 1), null);
				for (int k = 0; k < count; k++) {
					float[][] h = hidden[k];
					token[from + k] = h[1].clone();
					float[] mean = new float[h[1].length];
					for (float[] position : h) {
						for (int d = 0; d < mean.length; d++) {
							mean[d] += position[d] / h.length;
						}
					}
					mean3[from + k] = mean;
				}
				if ((from / batch) % 10 == 0) {
					System.out.printf("  %d / %d tokens (%d s)%n", from + count, vocabulary,
							(System.nanoTime() - start) / 1_000_000_000L);
				}
			}
		}
		Files.createDirectories(out);
		write(out.resolve(model.baseName() + "-token.f32"), token);
		write(out.resolve(model.baseName() + "-mean3.f32"), mean3);
		System.out.printf("Distilled %d tokens in %d s into %s%n", vocabulary,
				(System.nanoTime() - start) / 1_000_000_000L, out);
	}

	static int vocabularySize(ClassLoader loader, DefaultModel model) throws IOException {
		try (InputStream in = loader.getResourceAsStream(model.tokenizerResource())) {
			JsonNode vocab = JsonMapper.builder().build().readTree(in).path("model").path("vocab");
			int max = -1;
			for (JsonNode id : vocab.values()) {
				max = Math.max(max, id.asInt());
			}
			return max + 1;
		}
	}

	static void write(Path file, float[][] table) throws IOException {
		int dimensions = table[0].length;
		ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * table.length * dimensions).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(table.length).putInt(dimensions);
		for (float[] row : table) {
			for (float value : row) {
				buffer.putFloat(value);
			}
		}
		buffer.flip();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
	}

	static float[][] read(Path file) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		int rows = buffer.getInt();
		int dimensions = buffer.getInt();
		float[][] table = new float[rows][dimensions];
		for (float[] row : table) {
			for (int d = 0; d < dimensions; d++) {
				row[d] = buffer.getFloat();
			}
		}
		return table;
	}

}
