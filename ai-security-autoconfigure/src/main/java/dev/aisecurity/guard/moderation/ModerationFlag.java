package dev.aisecurity.guard.moderation;

import java.util.Locale;
import java.util.Objects;

/**
 * One category a moderator flagged. Metadata only.
 *
 * @param category category name in lower-kebab case, for example {@code self-harm}
 * @param score confidence from 0 to 1
 */
public record ModerationFlag(String category, double score) {

	public ModerationFlag {
		Objects.requireNonNull(category, "category");
		if (score < 0 || score > 1 || Double.isNaN(score)) {
			throw new IllegalArgumentException("score must be within [0, 1]");
		}
	}

	/**
	 * The reason code findings carry for this category, for example
	 * {@code MODERATION_SELF_HARM}.
	 */
	public String code() {
		StringBuilder sb = new StringBuilder("MODERATION_");
		for (int i = 0; i < this.category.length(); i++) {
			char c = this.category.charAt(i);
			sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
		}
		return sb.toString().toUpperCase(Locale.ROOT);
	}

}
