package dev.aisecurity.benchmarks.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.aisecurity.benchmarks.BenignCorpusScan;
import dev.aisecurity.guard.GuardText;

/**
 * Benign training text beyond the evaluation file: prompt-sized pieces of documentation
 * on the machine (READMEs, man pages in many languages, javadoc), cut as
 * {@link BenignCorpusScan} cuts them. The evaluation file's benign rows come from four
 * sources of short requests, so a head trained on them alone learns "long, rule-laden
 * text" as the mark of an attack and flags most documentation it has never seen; these
 * pieces teach it otherwise. They only ever train: no figure is computed on them, except
 * by {@link AugmentedStaticExperiment} on sources kept out of training.
 *
 * @param sources the paths read
 * @param counts the pieces taken from each path
 * @param texts the sanitised pieces
 * @param share the pieces' share of the benign class weight, together
 */
record ExtraBenign(List<String> sources, List<Integer> counts, List<String> texts, double share) {

	/** Pieces taken from each path at most. */
	static final long DEFAULT_LIMIT = 3000;

	/** The pieces' share of the benign class weight. */
	static final double DEFAULT_SHARE = 0.3;

	static final ExtraBenign NONE = new ExtraBenign(List.of(), List.of(), List.of(), 0);

	static ExtraBenign read(List<Path> paths, long limit, double share) throws IOException {
		if (paths.isEmpty()) {
			return NONE;
		}
		if (share <= 0 || share >= 1) {
			throw new IllegalArgumentException("The extra benign share must lie between 0 and 1");
		}
		List<String> sources = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (Path path : paths) {
			List<String> pieces = BenignCorpusScan.collect(path, limit);
			sources.add(path.toString());
			counts.add(pieces.size());
			for (String piece : pieces) {
				texts.add(GuardText.of(piece).sanitized());
			}
		}
		return new ExtraBenign(List.copyOf(sources), List.copyOf(counts), List.copyOf(texts), share);
	}

	boolean isEmpty() {
		return this.texts.isEmpty();
	}

	/**
	 * The pieces' window features.
	 * @param embed the windows of one sanitised text
	 * @return one array of window vectors per piece
	 */
	float[][][] features(Function<String, float[][]> embed) {
		float[][][] features = new float[this.texts.size()][][];
		for (int i = 0; i < features.length; i++) {
			features[i] = embed.apply(this.texts.get(i));
		}
		return features;
	}

	/** What the head reports about its extra training text. */
	Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("share_of_benign_weight", this.share);
		Map<String, Integer> pieces = new LinkedHashMap<>();
		for (int i = 0; i < this.sources.size(); i++) {
			pieces.put(this.sources.get(i), this.counts.get(i));
		}
		description.put("pieces", pieces);
		return description;
	}

}
