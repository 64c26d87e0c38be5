package dev.aisecurity.benchmarks.onnx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

import dev.aisecurity.benchmarks.jmh.OnnxClassifierBenchmark;
import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;

/**
 * Thread CPU time per classification of the {@link OnnxClassifierBenchmark} prompts (64,
 * 256 and 512 tokens), per mode, plus the tokenizer alone: what one core spends on a
 * call, which stays meaningful when other processes load the machine and wall-clock JMH
 * figures inflate. Median, p90 and p99 of many warm calls.
 * <p>
 * Usage: {@code ClassifierCpuTime [MODE...]} (default: STATIC TRANSFORMER).
 */
public final class ClassifierCpuTime {

	private ClassifierCpuTime() {
	}

	public static void main(String[] args) throws Exception {
		ClassifierMode[] modes = (args.length == 0)
				? new ClassifierMode[] { ClassifierMode.STATIC, ClassifierMode.TRANSFORMER }
				: Arrays.stream(args).map(ClassifierMode::valueOf).toArray(ClassifierMode[]::new);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		System.out.printf("%-12s %6s | %9s %9s %9s | %12s (thread CPU ms per call)%n", "mode", "tokens", "p50", "p90",
				"p99", "tokenize p50");
		for (ClassifierMode mode : modes) {
			try (OnnxPromptInjectionClassifier classifier = OnnxClassifierBenchmark.classifier(mode)) {
				classifier.warmUp();
				for (int tokens : new int[] { 64, 256, 512 }) {
					String prompt = OnnxClassifierBenchmark.prompt(classifier.tokenizer(), tokens - 2, new Random(42));
					int calls = (mode == ClassifierMode.TRANSFORMER) ? 40 : 2000;
					for (int i = 0; i < calls / 4; i++) {
						classifier.score(prompt);
						classifier.tokenizer().tokenize(prompt);
					}
					long[] score = new long[calls];
					long[] tokenize = new long[calls];
					for (int i = 0; i < calls; i++) {
						long t0 = threads.getCurrentThreadCpuTime();
						classifier.score(prompt);
						long t1 = threads.getCurrentThreadCpuTime();
						classifier.tokenizer().tokenize(prompt);
						long t2 = threads.getCurrentThreadCpuTime();
						score[i] = t1 - t0;
						tokenize[i] = t2 - t1;
					}
					Arrays.sort(score);
					Arrays.sort(tokenize);
					System.out.printf("%-12s %6d | %9.3f %9.3f %9.3f | %12.3f%n", mode, tokens, at(score, 50),
							at(score, 90), at(score, 99), at(tokenize, 50));
				}
			}
		}
	}

	private static double at(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
