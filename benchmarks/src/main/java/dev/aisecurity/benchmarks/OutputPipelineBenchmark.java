package dev.aisecurity.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.ScanContext;
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
 * Throughput of the default output pipeline ({@link GuardPipelines#defaultOutput()}) over
 * generated model answers, with a system prompt (and canary) in the scan context as the
 * output advisor sets it. MB/s = ops/s x size / 10^6 (characters of mostly ASCII text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutputPipelineBenchmark {

	@Param({ "1024", "16384", "262144" })
	public int size;

	private GuardPipeline pipeline;

	private ScanContext context;

	private String text;

	@Setup
	public void setUp() {
		this.pipeline = GuardPipelines.defaultOutput();
		this.context = ScanContext.output(ModelAnswers.SYSTEM_PROMPT);
		this.text = ModelAnswers.generate(this.size, 42);
	}

	@Benchmark
	public Verdict defaultOutput() {
		return this.pipeline.scan(this.text, this.context);
	}

}
