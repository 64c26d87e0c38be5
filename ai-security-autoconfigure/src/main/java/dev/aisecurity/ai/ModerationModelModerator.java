package dev.aisecurity.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.moderation.ContentModerator;
import dev.aisecurity.guard.moderation.ModerationFlag;

import org.springframework.ai.moderation.CategoryScores;
import org.springframework.ai.moderation.Generation;
import org.springframework.ai.moderation.ModerationModel;
import org.springframework.ai.moderation.ModerationPrompt;
import org.springframework.ai.moderation.ModerationResponse;
import org.springframework.ai.moderation.ModerationResult;

/**
 * A {@link ContentModerator} backed by a Spring AI {@link ModerationModel} (OpenAI's
 * moderation endpoint, Mistral's...). A category is flagged when its score reaches its
 * threshold; only the configured categories count. The model's failure propagates, and
 * the pipeline then blocks (fail closed).
 */
public final class ModerationModelModerator implements ContentModerator {

	/** Moderator id. */
	public static final String ID = "moderation-model";

	private static final Map<String, ToDoubleFunction<CategoryScores>> CATEGORIES = new LinkedHashMap<>();

	static {
		CATEGORIES.put("sexual", CategoryScores::getSexual);
		CATEGORIES.put("sexual-minors", CategoryScores::getSexualMinors);
		CATEGORIES.put("hate", CategoryScores::getHate);
		CATEGORIES.put("hate-threatening", CategoryScores::getHateThreatening);
		CATEGORIES.put("harassment", CategoryScores::getHarassment);
		CATEGORIES.put("harassment-threatening", CategoryScores::getHarassmentThreatening);
		CATEGORIES.put("self-harm", CategoryScores::getSelfHarm);
		CATEGORIES.put("self-harm-intent", CategoryScores::getSelfHarmIntent);
		CATEGORIES.put("self-harm-instructions", CategoryScores::getSelfHarmInstructions);
		CATEGORIES.put("violence", CategoryScores::getViolence);
		CATEGORIES.put("violence-graphic", CategoryScores::getViolenceGraphic);
		CATEGORIES.put("dangerous-and-criminal-content", CategoryScores::getDangerousAndCriminalContent);
		CATEGORIES.put("criminal", CategoryScores::getCriminal);
		CATEGORIES.put("dangerous", CategoryScores::getDangerous);
		CATEGORIES.put("jailbreaking", CategoryScores::getJailbreaking);
		CATEGORIES.put("health", CategoryScores::getHealth);
		CATEGORIES.put("financial", CategoryScores::getFinancial);
		CATEGORIES.put("law", CategoryScores::getLaw);
		CATEGORIES.put("pii", CategoryScores::getPii);
	}

	/** The categories checked by default: harmful content, not topics. */
	public static final Set<String> DEFAULT_CATEGORIES = Set.of("sexual", "sexual-minors", "hate", "hate-threatening",
			"harassment", "harassment-threatening", "self-harm", "self-harm-intent", "self-harm-instructions",
			"violence", "violence-graphic", "dangerous-and-criminal-content");

	private final ModerationModel model;

	private final Set<String> categories;

	private final Map<String, Double> thresholds;

	private final double defaultThreshold;

	/**
	 * @param model the moderation model
	 * @param categories categories that count (names as in {@link #knownCategories()})
	 * @param thresholds per-category thresholds
	 * @param defaultThreshold threshold of categories without their own
	 */
	public ModerationModelModerator(ModerationModel model, Set<String> categories, Map<String, Double> thresholds,
			double defaultThreshold) {
		this.model = Objects.requireNonNull(model, "model");
		for (String category : categories) {
			if (!CATEGORIES.containsKey(category)) {
				throw new IllegalArgumentException(
						"Unknown moderation category '" + category + "'; known: " + CATEGORIES.keySet());
			}
		}
		this.categories = Set.copyOf(categories);
		this.thresholds = Map.copyOf(thresholds);
		this.defaultThreshold = defaultThreshold;
	}

	/**
	 * Category names this adapter understands.
	 */
	public static Set<String> knownCategories() {
		return CATEGORIES.keySet();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public List<ModerationFlag> moderate(GuardText text, ScanContext context) {
		if (text.sanitized().isBlank()) {
			return List.of();
		}
		ModerationResponse response = this.model.call(new ModerationPrompt(text.sanitized()));
		if (response == null || response.getResult() == null) {
			throw new IllegalStateException("moderation model returned no result");
		}
		List<ModerationFlag> flags = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			if (generation.getOutput() == null) {
				continue;
			}
			for (ModerationResult result : generation.getOutput().getResults()) {
				CategoryScores scores = result.getCategoryScores();
				if (scores == null) {
					continue;
				}
				for (String category : this.categories) {
					double score = clamp(CATEGORIES.get(category).applyAsDouble(scores));
					if (score >= this.thresholds.getOrDefault(category, this.defaultThreshold)
							&& flags.stream().noneMatch((flag) -> flag.category().equals(category))) {
						// the category threshold decided: the flag reaches the scanner's
						// default threshold
						flags.add(new ModerationFlag(category, Math.max(score, 0.5)));
					}
				}
			}
		}
		return flags;
	}

	private static double clamp(double score) {
		if (Double.isNaN(score)) {
			return 0;
		}
		return Math.max(0, Math.min(1, score));
	}

}
