package dev.aisecurity.onnx;

import java.io.IOException;
import java.io.InputStream;

/**
 * Model files for tests, built or read offline.
 */
public final class TestModels {

	private static final ClassLoader LOADER = TestModels.class.getClassLoader();

	private TestModels() {
	}

	/** The MiniLM tokenizer.json from the default model's jar. */
	public static byte[] tokenizerJson() throws IOException {
		try (InputStream in = LOADER.getResourceAsStream(DefaultModel.QUANTIZED.tokenizerResource())) {
			return in.readAllBytes();
		}
	}

	/** The id of the MiniLM token that the tiny model flags. */
	public static long triggerToken() {
		try (WindowingTokenizer tokenizer = DefaultModel.QUANTIZED.tokenizer(LOADER, 32, 8, 1)) {
			TokenWindows windows = tokenizer.windows("castle");
			if (windows.tokens() != 1) {
				throw new IllegalStateException("'castle' is not one token");
			}
			return windows.ids()[0][1];
		}
	}

	/** The tiny model flagging "castle", labels SAFE, INJECTION. */
	public static byte[] tinyModel() {
		return TinyOnnxModel.build(triggerToken());
	}

}
