package dev.aisecurity.benchmarks.onnx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.aisecurity.benchmarks.JsonLines;
import dev.aisecurity.benchmarks.jmh.OnnxClassifierBenchmark;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;

/**
 * The latency distribution of the classifier over real prompts (a cascade's latency
 * depends on the mix: most prompts are decided by the static tier, the uncertain ones pay
 * for the transformer). Scores every prompt of a JSON Lines file once on one thread,
 * after a warm-up pass, and prints per token-length bucket the count, the share escalated
 * and the p50/p90/p99 of wall-clock time and of thread CPU time (the latter is what one
 * core spends, meaningful on a loaded machine), plus the tokenizer's own CPU time.
 * <p>
 * Usage: {@code CascadeLatency [--data FILE] [--mode CASCADE|STATIC|TRANSFORMER]
 * [--limit N]}. On the training file the static tier runs its final head, which saw these
 * rows, so its escalation rate here is lower than the cross-validated one.
 */
public final class CascadeLatency {

	private CascadeLatency() {
	}

	public static void main(String[] args) throws Exception {
		Path data = null;
		ClassifierMode mode = ClassifierMode.CASCADE;
		int limit = Integer.MAX_VALUE;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data" -> data = Path.of(args[++i]);
				case "--mode" -> mode = ClassifierMode.valueOf(args[++i]);
				case "--limit" -> limit = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (data == null) {
			data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		}
		List<String> texts = new ArrayList<>();
		JsonLines.read(data)
			.stream()
			.limit(limit)
			.forEach((row) -> texts.add(GuardText.of(JsonLines.text(row, "text", "")).sanitized()));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, List<long[]>> buckets = new TreeMap<>();
		try (OnnxPromptInjectionClassifier classifier = OnnxClassifierBenchmark.classifier(mode)) {
			classifier.warmUp();
			for (String text : texts.subList(0, Math.min(300, texts.size()))) {
				if (mode != ClassifierMode.TRANSFORMER) {
					classifier.staticProbability(text);
				}
			}
			for (String text : texts) {
				int tokens = classifier.tokenizer().countTokens(text);
				long cpu0 = threads.getCurrentThreadCpuTime();
				classifier.tokenizer().tokenize(text);
				long tokenizeCpu = threads.getCurrentThreadCpuTime() - cpu0;
				long escalations = classifier.escalations();
				long wall = System.nanoTime();
				long cpu = threads.getCurrentThreadCpuTime();
				classifier.score(text);
				long[] sample = { System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu,
						(mode == ClassifierMode.TRANSFORMER || classifier.escalations() > escalations) ? 1 : 0,
						tokenizeCpu };
				buckets.computeIfAbsent("all", (k) -> new ArrayList<>()).add(sample);
				buckets.computeIfAbsent(bucket(tokens), (k) -> new ArrayList<>()).add(sample);
			}
		}
		System.out.printf("mode %s, %d prompts (times in ms)%n", mode, texts.size());
		System.out.printf("%-12s %6s %9s | %8s %8s %8s | %8s %8s %8s | %9s%n", "tokens", "rows", "escalated",
				"wall p50", "p90", "p99", "cpu p50", "p90", "p99", "tok p50");
		buckets.forEach((name, samples) -> {
			long escalated = samples.stream().filter((s) -> s[2] == 1).count();
			System.out.printf("%-12s %6d %8.1f%% | %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f | %9.3f%n", name,
					samples.size(), 100.0 * escalated / samples.size(), pct(samples, 0, 50), pct(samples, 0, 90),
					pct(samples, 0, 99), pct(samples, 1, 50), pct(samples, 1, 90), pct(samples, 1, 99),
					pct(samples, 3, 50));
		});
	}

	private static String bucket(int tokens) {
		if (tokens <= 64) {
			return "1-64";
		}
		if (tokens <= 256) {
			return "65-256";
		}
		if (tokens <= 512) {
			return "257-512";
		}
		return "513+";
	}

	private static double pct(List<long[]> samples, int column, int percentile) {
		long[] values = samples.stream().mapToLong((s) -> s[column]).toArray();
		Arrays.sort(values);
		int index = (int) Math.ceil(percentile / 100.0 * values.length) - 1;
		return values[Math.max(0, index)] / 1e6;
	}

}
