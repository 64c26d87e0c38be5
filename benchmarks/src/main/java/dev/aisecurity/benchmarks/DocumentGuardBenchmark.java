package dev.aisecurity.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.document.DocumentGuard;
import dev.aisecurity.guard.indirect.IndirectInjectionScanner;
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
 * The document guard (detection and sanitisation, as the RAG ingestion and retrieval
 * guards run it) and the indirect-injection scanner alone, on a document of the given
 * size built from generated model-like prose.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DocumentGuardBenchmark {

	@Param({ "1024", "16384" })
	public int size;

	private final DocumentGuard guard = DocumentGuard.withDefaults();

	private final IndirectInjectionScanner scanner = new IndirectInjectionScanner();

	private String text;

	@Setup
	public void setUp() {
		this.text = ModelAnswers.generate(this.size, 7);
	}

	@Benchmark
	public DocumentGuard.DocumentVerdict documentGuard() {
		return this.guard.scan(this.text, ScanContext.input());
	}

	@Benchmark
	public java.util.List<Finding> indirectInjectionScanner() {
		return this.scanner.scan(GuardText.of(this.text), ScanContext.input());
	}

}
