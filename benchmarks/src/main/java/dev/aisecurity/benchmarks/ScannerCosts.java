package dev.aisecurity.benchmarks;

import java.util.List;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;

/**
 * Where the default pipelines spend their time: the whole pipeline, the pipeline with no
 * scanner (preprocessing only) and each built-in scanner alone (with preprocessing), on
 * the 16 KB prompt and answer of the JMH benchmarks and the 1 MB adversarial input. Best
 * of five rounds of warm calls, wall clock; on a loaded machine compare builds side by
 * side rather than reading absolute figures.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.aisecurity.benchmarks.ScannerCosts}
 */
public final class ScannerCosts {

	private ScannerCosts() {
	}

	public static void main(String[] args) {
		String prompt = PromptTexts.realistic(16384, 42);
		String answer = ModelAnswers.generate(16384, 42);
		String adversarial = PromptTexts.adversarial(1 << 20, 7);
		ScanContext output = ScanContext.output(ModelAnswers.SYSTEM_PROMPT);
		report("input 16 KB", Direction.INPUT, GuardPipelines.defaultInputScanners(), prompt, ScanContext.input(),
				2000);
		report("output 16 KB", Direction.OUTPUT, GuardPipelines.defaultOutputScanners(), answer, output, 2000);
		report("input 1 MB adversarial", Direction.INPUT, GuardPipelines.defaultInputScanners(), adversarial,
				ScanContext.input(), 5);
	}

	private static void report(String name, Direction direction, List<Scanner> scanners, String text,
			ScanContext context, int calls) {
		System.out.printf("%s: all %.1f us, preprocessing only %.1f us%n", name,
				micros(pipeline(direction, scanners), text, context, calls),
				micros(pipeline(direction, List.of()), text, context, calls));
		for (Scanner scanner : scanners) {
			System.out.printf("  %-28s %10.1f us%n", scanner.getClass().getSimpleName(),
					micros(pipeline(direction, List.of(scanner)), text, context, calls));
		}
	}

	private static GuardPipeline pipeline(Direction direction, List<Scanner> scanners) {
		return GuardPipeline.builder().direction(direction).scanners(scanners).build();
	}

	private static double micros(GuardPipeline pipeline, String text, ScanContext context, int calls) {
		for (int i = 0; i < calls; i++) {
			pipeline.scan(text, context);
		}
		long best = Long.MAX_VALUE;
		for (int round = 0; round < 5; round++) {
			long start = System.nanoTime();
			for (int i = 0; i < calls; i++) {
				pipeline.scan(text, context);
			}
			best = Math.min(best, System.nanoTime() - start);
		}
		return best / 1000.0 / calls;
	}

}
