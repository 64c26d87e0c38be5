package dev.aisecurity.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.guard.pii.PiiTokenizer;
import dev.aisecurity.guard.pii.TokenMap;

/**
 * The texts of {@link PiiScannerBenchmark}, timed by the CPU time of the measuring thread
 * rather than wall-clock time: a cross-check for machines where other processes compete
 * for the cores and inflate JMH's figures. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.aisecurity.benchmarks.jmh.PiiScannerCpuTime}.
 */
public final class PiiScannerCpuTime {

	private PiiScannerCpuTime() {
	}

	public static void main(String[] args) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		PiiScanner scanner = PiiScanner.withDefaults();
		PiiTokenizer tokenizer = PiiTokenizer.withDefaults();
		System.out.printf("%-8s %-9s %12s %10s%n", "text", "operation", "us/op (cpu)", "MB/s");
		for (String kind : new String[] { "prose", "sparse", "dense" }) {
			String text = PiiScannerBenchmark.generate(kind, new Random(42));
			double scan = measure(threads, () -> scanner.scan(GuardText.of(text), ScanContext.output()));
			double tokenize = measure(threads, () -> tokenizer.tokenize(text, new TokenMap()));
			System.out.printf("%-8s %-9s %12.1f %10.1f%n", kind, "scan", scan, text.length() / scan);
			System.out.printf("%-8s %-9s %12.1f %10.1f%n", kind, "tokenize", tokenize, text.length() / tokenize);
		}
	}

	private static double measure(ThreadMXBean threads, Runnable operation) {
		long warmUntil = threads.getCurrentThreadCpuTime() + 3_000_000_000L;
		while (threads.getCurrentThreadCpuTime() < warmUntil) {
			operation.run();
		}
		long start = threads.getCurrentThreadCpuTime();
		int runs = 0;
		while (threads.getCurrentThreadCpuTime() - start < 3_000_000_000L) {
			operation.run();
			runs++;
		}
		return (threads.getCurrentThreadCpuTime() - start) / 1000.0 / runs;
	}

}
