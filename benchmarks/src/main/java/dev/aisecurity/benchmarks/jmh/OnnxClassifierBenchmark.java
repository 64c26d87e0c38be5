package dev.aisecurity.benchmarks.jmh;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OrtException;
import dev.aisecurity.guard.injection.PromptInjectionSettings;
import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.EmbeddingHeadScorer;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;
import dev.aisecurity.onnx.ScoreCalibration;
import dev.aisecurity.onnx.StaticTier;
import dev.aisecurity.onnx.TimeoutPolicy;
import dev.aisecurity.onnx.WindowingTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the ONNX prompt-injection classifier per prompt of 64, 256 and 512 tokens,
 * on one thread with one ONNX Runtime intra-op thread (one core), default windows (256
 * tokens, 32 overlap, at most 8): tokenisation, then the tiers of {@code mode}.
 * {@code STATIC} is the static tier alone (table look-ups and the head);
 * {@code TRANSFORMER} the encoder over every window, pooling and the head;
 * {@code CASCADE} (the default) the static tier, escalating to the transformer only in
 * the uncertain band, so its latency depends on the prompt: these benign filler prompts
 * are decided by the static tier (see {@code CascadeLatency} for the distribution over
 * the evaluation prompts). {@code tokenize} measures the tokenizer alone. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar OnnxClassifierBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
@Threads(1)
public class OnnxClassifierBenchmark {

	private static final String[] WORDS = { "please", "summarise", "the", "attached", "report", "and", "list", "three",
			"risks", "for", "our", "migration", "plan", "customer", "orders", "grew", "while", "costs", "stayed",
			"flat", "explain", "why", "this", "function", "returns", "null", "when", "input", "is", "empty" };

	@Param({ "64", "256", "512" })
	public int tokens;

	@Param({ "STATIC", "CASCADE", "TRANSFORMER" })
	public ClassifierMode mode;

	private OnnxPromptInjectionClassifier classifier;

	private WindowingTokenizer tokenizer;

	private String prompt;

	@Setup(Level.Trial)
	public void setUp() throws OrtException {
		this.classifier = classifier(this.mode);
		this.tokenizer = this.classifier.tokenizer();
		this.prompt = prompt(this.tokenizer, this.tokens - 2, new Random(42));
		this.classifier.warmUp();
	}

	/**
	 * The default model's classifier in a mode, as the auto-configuration builds it with
	 * default properties.
	 * @param mode the tiers
	 * @return the classifier
	 */
	public static OnnxPromptInjectionClassifier classifier(ClassifierMode mode) {
		ClassLoader loader = OnnxClassifierBenchmark.class.getClassLoader();
		DefaultModel model = DefaultModel.QUANTIZED;
		WindowingTokenizer tokenizer = model.tokenizer(loader, 256, 32, 8);
		double target = PromptInjectionSettings.DEFAULT_THRESHOLD;
		StaticTier tier = (mode != ClassifierMode.TRANSFORMER)
				? DefaultModel.staticTier(loader, tokenizer, null, null, null, null, null, target) : null;
		EmbeddingHeadScorer scorer = (mode != ClassifierMode.STATIC) ? model.scorer(loader, 1) : null;
		ScoreCalibration calibration = (scorer != null) ? new ScoreCalibration(scorer.head().threshold(), target)
				: null;
		return new OnnxPromptInjectionClassifier(tokenizer, tier, scorer, calibration, Duration.ofMinutes(1),
				TimeoutPolicy.FAIL_CLOSED, 1);
	}

	public static String prompt(WindowingTokenizer tokenizer, int contentTokens, Random random) {
		StringBuilder text = new StringBuilder();
		while (tokenizer.countTokens(text.toString()) < contentTokens) {
			text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
		}
		return text.toString().trim();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws OrtException {
		this.classifier.close();
	}

	@Benchmark
	public double classify() {
		return this.classifier.score(this.prompt).getAsDouble();
	}

	@Benchmark
	public int tokenize() {
		return this.tokenizer.tokenize(this.prompt).length;
	}

}
