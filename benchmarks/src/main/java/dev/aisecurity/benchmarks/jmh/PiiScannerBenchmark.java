package dev.aisecurity.benchmarks.jmh;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.guard.pii.PiiTokenizer;
import dev.aisecurity.guard.pii.TokenMap;
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
 * The PII scanner with default settings on 16 KB of generated text: {@code prose} is
 * ordinary prompt text with numbers, dates and versions but no personal data,
 * {@code sparse} adds one entity every 1 KB or so, {@code dense} is mostly personal data
 * (a worst case). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar PiiScannerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PiiScannerBenchmark {

	static final int SIZE = 16384;

	private static final String[] WORDS = { "the", "report", "shows", "that", "revenue", "grew", "while", "costs",
			"stayed", "flat", "our", "team", "met", "to", "discuss", "roadmap", "for", "version", "and", "migration",
			"new", "cluster", "please", "review", "attached", "document", "before", "meeting", "send", "comments", "by",
			"Friday", "customer", "order", "delivery", "summary", "explain", "why", "this", "function", "returns",
			"null", "when", "input", "is", "empty" };

	@Param({ "prose", "sparse", "dense" })
	public String kind;

	private String text;

	private final PiiScanner scanner = PiiScanner.withDefaults();

	private final PiiTokenizer tokenizer = PiiTokenizer.withDefaults();

	@Setup
	public void setUp() {
		this.text = generate(this.kind, new Random(42));
	}

	static String generate(String kind, Random random) {
		StringBuilder out = new StringBuilder(SIZE + 256);
		int piiEvery = switch (kind) {
			case "prose" -> Integer.MAX_VALUE;
			case "sparse" -> 150;
			default -> 3;
		};
		int words = 0;
		while (out.length() < SIZE) {
			words++;
			if (words % piiEvery == 0) {
				out.append(entity(random)).append(' ');
			}
			else if (words % 11 == 0) {
				out.append(random.nextInt(10000)).append(random.nextBoolean() ? ". " : ", ");
			}
			else if (words % 29 == 0) {
				out.append("v")
					.append(random.nextInt(5))
					.append('.')
					.append(random.nextInt(20))
					.append(" on 2024-0")
					.append(1 + random.nextInt(9))
					.append("-1")
					.append(random.nextInt(10))
					.append(' ');
			}
			else {
				out.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
			}
		}
		return out.substring(0, SIZE);
	}

	private static String digits(Random random, int n) {
		StringBuilder s = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			s.append((char) ('0' + random.nextInt(10)));
		}
		return s.toString();
	}

	private static String entity(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> "user" + random.nextInt(100000) + "@example.com";
			case 1 -> "+44 20 " + digits(random, 4) + " " + digits(random, 4);
			case 2 -> "4" + digits(random, 15);
			case 3 -> "203.0." + random.nextInt(256) + "." + random.nextInt(256);
			case 4 -> "https://example.org/item/" + random.nextInt(100000);
			default -> digits(random, 3) + "-" + digits(random, 2) + "-" + digits(random, 4);
		};
	}

	@Benchmark
	public List<Finding> scan() {
		return this.scanner.scan(GuardText.of(this.text), ScanContext.output());
	}

	@Benchmark
	public String tokenize() {
		return this.tokenizer.tokenize(this.text, new TokenMap());
	}

}
