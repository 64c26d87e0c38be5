package dev.aisecurity.guard.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;

/**
 * Flags texts that contain listed phrases, per category, matched on word boundaries over
 * the normalised text (case, look-alike letters, punctuation and line breaks between
 * words do not matter) in one linear pass.
 * <p>
 * The {@link #defaultTerms() default lists} are deliberately small and conservative:
 * phrases that read as a threat, an incitement or an instruction to self-harm, which have
 * no ordinary use in an assistant's answer. Single words are avoided since they occur in
 * news, fiction and refusals. Applications extend or replace the lists by configuration.
 */
public final class TermListModerator implements ContentModerator {

	/** Moderator id. */
	public static final String ID = "term-list";

	private final TermMatcher matcher;

	private final double score;

	/**
	 * A moderator with the default lists.
	 */
	public TermListModerator() {
		this(defaultTerms(), 0.9);
	}

	/**
	 * @param terms category to phrases
	 * @param score the score of a flag (one or more phrases of a category found)
	 */
	public TermListModerator(Map<String, List<String>> terms, double score) {
		Map<String, String> phrases = new LinkedHashMap<>();
		terms.forEach((category, list) -> list.forEach((phrase) -> phrases.put(phrase, category)));
		this.matcher = TermMatcher.of(phrases);
		this.score = score;
	}

	/**
	 * The built-in lists, category to phrases.
	 */
	public static Map<String, List<String>> defaultTerms() {
		Map<String, List<String>> terms = new LinkedHashMap<>();
		terms.put("harassment", List.of("kill yourself", "go kill yourself", "you should kill yourself",
				"you deserve to die", "i hope you die", "nobody would miss you if you died"));
		terms.put("violence", List.of("i will kill you", "i am going to kill you", "i'm going to kill you",
				"how to make a pipe bomb", "how to build a pipe bomb", "steps to make a pipe bomb"));
		terms.put("self-harm", List.of("best way to commit suicide", "how to commit suicide",
				"painless way to kill yourself", "most effective suicide method", "how much to overdose"));
		return terms;
	}

	@Override
	public String id() {
		return ID;
	}

	/**
	 * Number of phrases looked for.
	 */
	public int size() {
		return this.matcher.size();
	}

	@Override
	public List<ModerationFlag> moderate(GuardText text, ScanContext context) {
		List<String> categories = new ArrayList<>(2);
		TermMatcher.MatchConsumer collect = (category, end) -> {
			if (!categories.contains(category)) {
				categories.add(category);
			}
		};
		byte[] ascii = text.normalizedAscii();
		if (ascii != null) {
			this.matcher.scanAscii(ascii, collect);
		}
		else {
			this.matcher.scan(text.normalized(), collect);
		}
		if (!text.hidden().isEmpty()) {
			this.matcher.scan(text.hidden(), collect);
		}
		if (categories.isEmpty()) {
			return List.of();
		}
		List<ModerationFlag> flags = new ArrayList<>(categories.size());
		for (String category : categories) {
			flags.add(new ModerationFlag(category, this.score));
		}
		return flags;
	}

}
