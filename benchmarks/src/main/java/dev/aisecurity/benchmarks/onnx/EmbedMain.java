package dev.aisecurity.benchmarks.onnx;

import java.nio.file.Path;
import java.util.List;

import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.onnx.DefaultModel;

/** Fills the embedding cache only: {@code EmbedMain FILE [THREADS]}. */
public final class EmbedMain {

	private EmbedMain() {
	}

	public static void main(String[] args) throws Exception {
		List<String> texts = JsonLines.read(Path.of(args[0]))
			.stream()
			.map((row) -> GuardText.of(JsonLines.text(row, "text", "")).sanitized())
			.toList();
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		Embeddings.embed(DefaultModel.QUANTIZED, texts, threads, args.length > 2 && "reverse".equals(args[2]));
		System.out.println("done");
	}

}
