package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.aisecurity.onnx.ScoreCalibration;

/**
 * How the static tier's two-threshold fusion does as its block threshold falls from
 * "never alone" towards the single threshold: the fused decision on the out-of-fold
 * scores (cross-validated) and on the out-of-source scores (each family scored by a head
 * that never saw it), with the flagged rate of every source family. An experiment: it
 * reads the score tables that {@link TrainStatic} and {@link SourceHoldout} wrote and
 * trains nothing.
 * <p>
 * Usage: {@code BlockThresholdSweep [--data FILE] [--confirm P] [--confirm-score C]
 * [--block B]...}
 */
public final class BlockThresholdSweep {

	private BlockThresholdSweep() {
	}

	public static void main(String[] args) throws IOException {
		Path data = null;
		double confirm = 0.0998;
		double confirmScore = 0.35;
		List<Double> blocks = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data" -> data = Path.of(args[++i]);
				case "--confirm" -> confirm = Double.parseDouble(args[++i]);
				case "--confirm-score" -> confirmScore = Double.parseDouble(args[++i]);
				case "--block" -> blocks.add(Double.parseDouble(args[++i]));
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (blocks.isEmpty()) {
			blocks
				.addAll(List.of(1.0, 0.9999999, 0.999999, 0.99999, 0.9999, 0.9998, 0.9995, 0.999, 0.998, 0.995, 0.99));
		}
		if (data == null) {
			data = dev.aisecurity.benchmarks.Evaluate.resolveData(null).resolve("prompt_injection.jsonl");
		}
		LabelledPrompts prompts = LabelledPrompts.read(data);
		int n = prompts.size();
		boolean[] positive = prompts.positive();
		String[] family = new String[n];
		for (int i = 0; i < n; i++) {
			family[i] = SourceHoldout.family(prompts.categories()[i]);
		}
		TrainHead.Heuristics heuristics = TrainHead.Heuristics.of(prompts.rows());
		ClassLoader loader = BlockThresholdSweep.class.getClassLoader();
		double[] kfold = OnnxPromptInjectionSection.scoresOf(loader, OnnxPromptInjectionSection.STATIC_OOF_RESOURCE,
				prompts.texts(), "re-run TrainStatic");
		double[] outOfSource = OnnxPromptInjectionSection.scoresOf(loader,
				"dev/aisecurity/benchmarks/onnx/" + SourceHoldout.outOfSourceTable(TrainStatic.NAME), prompts.texts(),
				"run SourceHoldout");
		FusionSearch search = new FusionSearch(heuristics, positive, family);
		int[] fold = CrossValidation.folds(NearDuplicateGroups.groups(prompts.texts()), positive, TrainStatic.FOLDS);
		System.out.println("heuristics alone: " + line(heuristics.blocked, positive, family));
		for (double block : blocks) {
			ScoreCalibration calibration = new ScoreCalibration(confirm, heuristics.scannerThreshold, block,
					confirmScore);
			boolean[] flags = search.flags(calibration, kfold);
			System.out.printf("block %-8s k-fold:        %s%n", block, line(flags, positive, family));
			System.out.printf("block %-8s per fold BA:   %s%n", block, perFold(flags, positive, family, fold));
			System.out.printf("block %-8s out-of-source: %s%n", block,
					line(search.flags(calibration, outOfSource), positive, family));
		}
		for (double block : blocks) {
			if (block < 1) {
				ScoreCalibration single = new ScoreCalibration(block, heuristics.scannerThreshold);
				System.out.printf("single %-8s k-fold:        %s%n", block,
						line(search.flags(single, kfold), positive, family));
			}
		}
	}

	/** The balanced accuracy of each fold's rows. */
	private static String perFold(boolean[] flags, boolean[] positive, String[] family, int[] fold) {
		StringBuilder out = new StringBuilder();
		for (int f = 0; f < TrainStatic.FOLDS; f++) {
			int size = 0;
			for (int k : fold) {
				size += (k == f) ? 1 : 0;
			}
			boolean[] foldFlags = new boolean[size];
			boolean[] foldPositive = new boolean[size];
			String[] foldFamily = new String[size];
			for (int i = 0, j = 0; i < flags.length; i++) {
				if (fold[i] == f) {
					foldFlags[j] = flags[i];
					foldPositive[j] = positive[i];
					foldFamily[j++] = family[i];
				}
			}
			out.append(' ').append(TrainHead.Metrics.of(foldFlags, foldPositive, foldFamily).get("balanced_accuracy"));
		}
		return out.toString().trim();
	}

	@SuppressWarnings("unchecked")
	private static String line(boolean[] flags, boolean[] positive, String[] family) {
		Map<String, Object> metrics = TrainHead.Metrics.of(flags, positive, family);
		Map<String, Object> rates = (Map<String, Object>) metrics.get("flagged_rate_by_category");
		return "TPR " + metrics.get("tpr") + " FPR " + metrics.get("fpr") + " BA " + metrics.get("balanced_accuracy")
				+ " | dolly " + rates.get("dolly") + " notinject " + rates.get("notinject") + " xstest "
				+ rates.get("xstest_safe") + " awesome " + rates.get("awesome_chatgpt_prompts");
	}

}
