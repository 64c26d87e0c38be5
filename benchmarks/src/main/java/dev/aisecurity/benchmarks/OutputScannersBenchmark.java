package dev.aisecurity.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
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
 * Each default output scanner alone on a 16 KB model answer (text preprocessing included,
 * as in a pipeline run), to see where the output pipeline's time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class OutputScannersBenchmark {

	@Param({ "unicode", "secrets", "system-prompt-leak", "exfiltration", "moderation", "pii" })
	public String scanner;

	private Scanner selected;

	private ScanContext context;

	private String text;

	@Setup
	public void setUp() {
		this.selected = GuardPipelines.defaultOutputScanners()
			.stream()
			.filter((candidate) -> candidate.id().equals(this.scanner))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no default output scanner " + this.scanner));
		this.context = ScanContext.output(ModelAnswers.SYSTEM_PROMPT);
		this.text = ModelAnswers.generate(16384, 42);
	}

	@Benchmark
	public List<Finding> scan() {
		return this.selected.scan(GuardText.of(this.text), this.context);
	}

}
