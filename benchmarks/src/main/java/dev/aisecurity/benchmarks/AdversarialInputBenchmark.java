package dev.aisecurity.benchmarks;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default input pipeline on a 1 MB adversarial input built to make every detector
 * work hard: near-miss injection phrases, chat-template tokens, long base64-like,
 * percent-encoded and Morse-like runs, deeply nested delimiters, bracket soup, glued
 * words, leetspeak, reversed words and hidden tag characters. Milliseconds per input.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AdversarialInputBenchmark {

	private GuardPipeline pipeline;

	private String text;

	@Setup
	public void setUp() {
		this.pipeline = GuardPipelines.defaultInput();
		this.text = PromptTexts.adversarial(1 << 20, 7);
	}

	@Benchmark
	public Verdict adversarialMegabyte() {
		return this.pipeline.scan(this.text);
	}

}
