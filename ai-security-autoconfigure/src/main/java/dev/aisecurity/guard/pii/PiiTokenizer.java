package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Objects;

/**
 * Reversible tokenisation: replaces the personal data in a prompt with placeholders such
 * as {@code <EMAIL_ADDRESS_1>} recorded in a per-request {@link TokenMap}, so the data
 * never reaches the model provider; the reply is restored with the same map.
 */
public final class PiiTokenizer {

	private final PiiAnalyzer analyzer;

	public PiiTokenizer(PiiAnalyzer analyzer) {
		this.analyzer = Objects.requireNonNull(analyzer);
	}

	public static PiiTokenizer withDefaults() {
		return new PiiTokenizer(PiiAnalyzer.defaults());
	}

	/**
	 * Replace the personal data in {@code text} by placeholders, recording them in
	 * {@code map}. Overlapping entities are resolved in favour of the strongest.
	 */
	public String tokenize(String text, TokenMap map) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		List<PiiEntity> entities = PiiAnalyzer.resolveOverlaps(this.analyzer.analyze(text));
		if (entities.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16 * entities.size());
		int position = 0;
		for (PiiEntity entity : entities) {
			out.append(text, position, entity.start());
			out.append(map.placeholderFor(entity.type(), text.substring(entity.start(), entity.end())));
			position = entity.end();
		}
		out.append(text, position, text.length());
		return out.toString();
	}

	public PiiAnalyzer analyzer() {
		return this.analyzer;
	}

}
