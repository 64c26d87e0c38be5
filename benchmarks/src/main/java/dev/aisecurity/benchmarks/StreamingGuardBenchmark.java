package dev.aisecurity.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.stream.StreamingGuard;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The streaming guard over the default output pipeline: a 4 KB model answer fed in chunks
 * of {@code chunk} characters (a model token is 3-4 characters). Reports the time per
 * stream; per chunk = time per stream / chunks. The auxiliary counters give the
 * characters held back: {@code heldAverage} (mean over chunks, after each chunk) and
 * {@code heldMax}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamingGuardBenchmark {

	@Param({ "4", "16" })
	public int chunk;

	private StreamingGuard guard;

	private ScanContext context;

	private List<String> chunks;

	@Setup
	public void setUp() {
		this.guard = StreamingGuard.builder(GuardPipelines.defaultOutput()).build();
		this.context = ScanContext.output(ModelAnswers.SYSTEM_PROMPT);
		String text = ModelAnswers.generate(4096, 7);
		this.chunks = new ArrayList<>();
		for (int i = 0; i < text.length(); i += this.chunk) {
			this.chunks.add(text.substring(i, Math.min(text.length(), i + this.chunk)));
		}
	}

	/**
	 * Characters held back, per stream.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Held {

		public double heldAverage;

		public double heldMax;

		public double chunks;

		@Setup(Level.Iteration)
		public void reset() {
			this.heldAverage = 0;
			this.heldMax = 0;
			this.chunks = 0;
		}

	}

	@Benchmark
	public void stream(Held held, Blackhole blackhole) {
		StreamingGuard.Session session = this.guard.open(this.context);
		long heldSum = 0;
		for (String piece : this.chunks) {
			blackhole.consume(session.accept(piece).text());
			heldSum += session.held();
		}
		blackhole.consume(session.finish().text());
		held.heldAverage = heldSum / (double) this.chunks.size();
		held.heldMax = session.maxHeld();
		held.chunks = this.chunks.size();
	}

}
