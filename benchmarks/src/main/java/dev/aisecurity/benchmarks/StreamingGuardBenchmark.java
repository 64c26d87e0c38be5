package dev.aisecurity.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.stream.StreamingGuard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The streaming guard over the default output pipeline: a model answer fed in 1024 chunks
 * of {@code chunk} characters (a model token is 3-4 characters), with a system prompt in
 * the context as the advisor sets it. The score is the time per chunk. The characters
 * held back (mean after each chunk, and maximum) are printed per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamingGuardBenchmark {

	@Param({ "4" })
	public int chunk;

	private StreamingGuard guard;

	private ScanContext context;

	private List<String> chunks;

	@Setup
	public void setUp() {
		this.guard = StreamingGuard.builder(GuardPipelines.defaultOutput()).build();
		this.context = ScanContext.output(ModelAnswers.SYSTEM_PROMPT);
		// 1024 chunks of `chunk` characters: scores are per chunk
		String text = ModelAnswers.generate(1024 * this.chunk, 7);
		this.chunks = new ArrayList<>();
		for (int i = 0; i < text.length(); i += this.chunk) {
			this.chunks.add(text.substring(i, Math.min(text.length(), i + this.chunk)));
		}
	}

	/**
	 * Characters held back: printed once per trial, since they do not depend on timing.
	 */
	@TearDown
	public void reportHeld() {
		StreamingGuard.Session session = this.guard.open(this.context);
		long heldSum = 0;
		for (String piece : this.chunks) {
			session.accept(piece);
			heldSum += session.held();
		}
		session.finish();
		System.out.printf("%nchunk=%d chunks=%d held: average %.1f, max %d characters%n", this.chunk,
				this.chunks.size(), heldSum / (double) this.chunks.size(), session.maxHeld());
	}

	@Benchmark
	@OperationsPerInvocation(1024)
	public void stream(Blackhole blackhole) {
		StreamingGuard.Session session = this.guard.open(this.context);
		for (String piece : this.chunks) {
			blackhole.consume(session.accept(piece).text());
		}
		blackhole.consume(session.finish().text());
	}

}
