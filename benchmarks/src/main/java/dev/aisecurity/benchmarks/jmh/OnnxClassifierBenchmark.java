package dev.aisecurity.benchmarks.jmh;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OrtException;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;
import dev.aisecurity.onnx.ScoreCalibration;
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
 * on one thread with one ONNX Runtime intra-op thread (one core): tokenisation, the
 * encoder over every window, pooling and the head. {@code window} 512 runs a 512-token
 * prompt as one window; 256 is the default configuration (windows of 256 tokens with 32
 * of overlap). {@code variant} compares the quantized and the float model. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar OnnxClassifierBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
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

	@Param({ "256", "512" })
	public int window;

	@Param({ "QUANTIZED", "FULL" })
	public DefaultModel variant;

	private OnnxPromptInjectionClassifier classifier;

	private String prompt;

	@Setup(Level.Trial)
	public void setUp() throws OrtException {
		ClassLoader loader = getClass().getClassLoader();
		WindowingTokenizer tokenizer = this.variant.tokenizer(loader, this.window, 32, 8);
		// the head trained on the quantized encoder serves both variants here: the
		// latency
		// does not depend on the weights
		this.classifier = new OnnxPromptInjectionClassifier(tokenizer,
				new dev.aisecurity.onnx.EmbeddingHeadScorer(this.variant.encoder(loader, 1),
						DefaultModel.QUANTIZED.head(loader)),
				new ScoreCalibration(0.5, 0.5), Duration.ofMinutes(1), TimeoutPolicy.FAIL_CLOSED, 1);
		this.prompt = prompt(tokenizer, this.tokens - 2, new Random(42));
		this.classifier.warmUp();
	}

	static String prompt(WindowingTokenizer tokenizer, int contentTokens, Random random) {
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
		return this.classifier.probability(this.prompt).getAsDouble();
	}

}
