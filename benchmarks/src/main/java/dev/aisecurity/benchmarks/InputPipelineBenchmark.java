package dev.aisecurity.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default input pipeline ({@link GuardPipelines#defaultInput()}) on realistic prompts
 * of {@code size} bytes, and on a 1 MB adversarial input built to stress every detector:
 * near-miss phrases, long base64-like and Morse-like runs, deeply nested delimiters,
 * bracket soup, leetspeak and hidden tag characters.
 * <p>
 * Run:
 * {@code java -jar benchmarks/target/benchmarks.jar InputPipelineBenchmark -f 1 -wi 2
 * -i 3 -w 2s -r 2s}. Throughput is in prompts per second: MB/s = ops/s x size / 10^6.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InputPipelineBenchmark {

	/** Prompt size in UTF-8 bytes. */
	@Param({ "1024", "16384", "262144" })
	public int size;

	private GuardPipeline pipeline;

	private String prompt;

	@Setup
	public void setUp() {
		this.pipeline = GuardPipelines.defaultInput();
		this.prompt = PromptTexts.realistic(this.size, 42);
	}

	@Benchmark
	public Verdict realisticPrompt() {
		return this.pipeline.scan(this.prompt);
	}

	/**
	 * Prints the sizes of the generated inputs, for checking the generators.
	 */
	public static void main(String[] args) {
		for (int size : new int[] { 1024, 16384, 262144 }) {
			System.out.println(size + " -> " + PromptTexts.realistic(size, 42).getBytes(StandardCharsets.UTF_8).length);
		}
		System.out
			.println("adversarial -> " + PromptTexts.adversarial(1 << 20, 7).getBytes(StandardCharsets.UTF_8).length);
		Random random = new Random(1);
		System.out.println(PromptTexts.realistic(600, random.nextInt()));
	}

}
