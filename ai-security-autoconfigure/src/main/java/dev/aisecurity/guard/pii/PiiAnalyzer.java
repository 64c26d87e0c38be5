package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the recognisers over a text, applies context words, per-type enablement and
 * minimum scores, and removes duplicates. Immutable and thread-safe; linear in the text
 * length.
 */
public final class PiiAnalyzer {

	/** Minimum score for types without their own setting. */
	public static final double DEFAULT_MIN_SCORE = 0.5;

	private final List<PiiRecognizer> recognizers;

	private final Map<String, Double> minScores;

	private final Set<String> disabled;

	private final double defaultMinScore;

	private final ContextWords context;

	private PiiAnalyzer(Builder builder) {
		this.disabled = Set.copyOf(builder.disabled);
		List<PiiRecognizer> active = new ArrayList<>();
		for (PiiRecognizer recognizer : builder.recognizers) {
			if (!this.disabled.containsAll(recognizer.types())) {
				active.add(recognizer);
			}
		}
		this.recognizers = List.copyOf(active);
		this.minScores = Map.copyOf(builder.minScores);
		this.defaultMinScore = builder.defaultMinScore;
		this.context = builder.context;
	}

	/**
	 * An analyzer with the built-in recognisers and default settings.
	 */
	public static PiiAnalyzer defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Every type some active recogniser can report.
	 */
	public Set<String> supportedTypes() {
		Set<String> types = new LinkedHashSet<>();
		for (PiiRecognizer recognizer : this.recognizers) {
			for (String type : recognizer.types()) {
				if (!this.disabled.contains(type)) {
					types.add(type);
				}
			}
		}
		return types;
	}

	/**
	 * The minimum score for a type.
	 */
	public double minScore(String type) {
		return this.minScores.getOrDefault(type, this.defaultMinScore);
	}

	/**
	 * Find the entities at or above their type's minimum score, in text order. Entities
	 * of different types may overlap (a number can be both a phone number and a national
	 * id); of overlapping entities of one type the strongest is kept.
	 */
	public List<PiiEntity> analyze(String text) {
		return analyze(PiiText.of(text), false);
	}

	/**
	 * Like {@link #analyze(String)} but also returning entities below their minimum
	 * score, for calibration.
	 */
	public List<PiiEntity> analyzeAll(String text) {
		return analyze(PiiText.of(text), true);
	}

	List<PiiEntity> analyze(PiiText text, boolean includeWeak) {
		if (text.length() == 0) {
			return List.of();
		}
		List<PiiEntity> raw = new ArrayList<>();
		for (PiiRecognizer recognizer : this.recognizers) {
			recognizer.recognize(text, raw);
		}
		if (raw.isEmpty()) {
			return raw;
		}
		if (!this.disabled.isEmpty()) {
			raw.removeIf((entity) -> this.disabled.contains(entity.type()));
		}
		PiiEntity[] enhanced = this.context.enhance(text, raw);
		List<PiiEntity> kept = new ArrayList<>(enhanced.length);
		for (PiiEntity entity : enhanced) {
			if (includeWeak || entity.score() >= minScore(entity.type())) {
				kept.add(entity);
			}
		}
		return dedupe(kept);
	}

	private static List<PiiEntity> dedupe(List<PiiEntity> entities) {
		if (entities.size() < 2) {
			return entities;
		}
		entities.sort(Comparator.comparingInt(PiiEntity::start).thenComparing(Comparator.comparingInt(PiiEntity::end)));
		Map<String, PiiEntity> lastByType = new HashMap<>();
		List<PiiEntity> result = new ArrayList<>(entities.size());
		for (PiiEntity entity : entities) {
			PiiEntity previous = lastByType.get(entity.type());
			if (previous != null && previous.overlaps(entity)) {
				if (stronger(entity, previous)) {
					result.remove(previous);
					result.add(entity);
					lastByType.put(entity.type(), entity);
				}
				continue;
			}
			result.add(entity);
			lastByType.put(entity.type(), entity);
		}
		result.sort(Comparator.comparingInt(PiiEntity::start));
		return result;
	}

	private static boolean stronger(PiiEntity a, PiiEntity b) {
		return (a.score() != b.score()) ? a.score() > b.score() : a.length() > b.length();
	}

	/**
	 * Resolve overlaps across types: of overlapping entities, the strongest (then the
	 * longest) wins. For rewriting text, where one span gets one replacement.
	 */
	public static List<PiiEntity> resolveOverlaps(List<PiiEntity> entities) {
		List<PiiEntity> byStrength = new ArrayList<>(entities);
		byStrength.sort((a, b) -> stronger(a, b) ? -1 : (stronger(b, a) ? 1 : Integer.compare(a.start(), b.start())));
		List<PiiEntity> chosen = new ArrayList<>();
		for (PiiEntity candidate : byStrength) {
			boolean free = true;
			for (PiiEntity taken : chosen) {
				if (taken.overlaps(candidate)) {
					free = false;
					break;
				}
			}
			if (free) {
				chosen.add(candidate);
			}
		}
		chosen.sort(Comparator.comparingInt(PiiEntity::start));
		return chosen;
	}

	/**
	 * Builds a {@link PiiAnalyzer}.
	 */
	public static final class Builder {

		private final List<PiiRecognizer> recognizers = new ArrayList<>(PiiRecognizers.defaults());

		private final Map<String, Double> minScores = new HashMap<>();

		private final Set<String> disabled = new LinkedHashSet<>();

		private double defaultMinScore = DEFAULT_MIN_SCORE;

		private ContextWords context = ContextWords.defaults();

		private Builder() {
		}

		/**
		 * Replace the built-in recognisers.
		 */
		public Builder recognizers(List<? extends PiiRecognizer> replacement) {
			this.recognizers.clear();
			this.recognizers.addAll(replacement);
			return this;
		}

		/**
		 * Add a recogniser, for example a user-defined pattern or dictionary.
		 */
		public Builder recognizer(PiiRecognizer recognizer) {
			this.recognizers.add(Objects.requireNonNull(recognizer));
			return this;
		}

		/**
		 * Regions whose national phone formats are recognised (ISO 3166 codes).
		 */
		public Builder phoneRegions(List<String> regions) {
			this.recognizers.replaceAll((r) -> (r instanceof PhoneRecognizer) ? new PhoneRecognizer(regions) : r);
			return this;
		}

		public Builder disable(String type) {
			this.disabled.add(type);
			return this;
		}

		public Builder minScore(String type, double minScore) {
			if (minScore < 0 || minScore > 1) {
				throw new IllegalArgumentException("minScore must be within [0, 1]");
			}
			this.minScores.put(type, minScore);
			return this;
		}

		public Builder defaultMinScore(double minScore) {
			this.defaultMinScore = minScore;
			return this;
		}

		public Builder context(ContextWords contextWords) {
			this.context = Objects.requireNonNull(contextWords);
			return this;
		}

		public PiiAnalyzer build() {
			return new PiiAnalyzer(this);
		}

	}

}
