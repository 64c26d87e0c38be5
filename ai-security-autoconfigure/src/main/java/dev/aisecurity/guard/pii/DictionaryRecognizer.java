package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user-defined recogniser for a list of terms (names of projects, customers, internal
 * code words), matched as whole words, case-insensitively, with any punctuation or
 * spacing between the words of a term. Terms are indexed by their first word, so a scan
 * costs one lookup per word of the text.
 */
public final class DictionaryRecognizer implements PiiRecognizer {

	private final String type;

	private final double score;

	private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

	/**
	 * @param type the entity type to report
	 * @param terms the terms
	 * @param score the score of a match
	 */
	public DictionaryRecognizer(String type, List<String> terms, double score) {
		this.type = Objects.requireNonNull(type, "type");
		if (score < 0 || score > 1) {
			throw new IllegalArgumentException("score must be within [0, 1]");
		}
		this.score = score;
		for (String term : terms) {
			String[] words = words(term);
			if (words.length > 0) {
				this.byFirstWord.computeIfAbsent(words[0], (w) -> new ArrayList<>()).add(words);
			}
		}
		// longest terms first, so "acme corp europe" wins over "acme corp"
		this.byFirstWord.values().forEach((list) -> list.sort((a, b) -> b.length - a.length));
	}

	private static String[] words(String term) {
		PiiText text = PiiText.of(term);
		String[] words = new String[text.tokenCount()];
		for (int i = 0; i < words.length; i++) {
			words[i] = term.substring(text.tokenStart(i), text.tokenEnd(i)).toLowerCase(Locale.ROOT);
		}
		return words;
	}

	@Override
	public Set<String> types() {
		return Set.of(this.type);
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		int count = text.tokenCount();
		int i = 0;
		while (i < count) {
			List<String[]> candidates = this.byFirstWord.get(word(text, i));
			int matched = 0;
			if (candidates != null) {
				for (String[] term : candidates) {
					if (i + term.length <= count && matches(text, i, term)) {
						matched = term.length;
						break;
					}
				}
			}
			if (matched > 0) {
				out.add(new PiiEntity(this.type, text.tokenStart(i), text.tokenEnd(i + matched - 1), this.score));
				i += matched;
			}
			else {
				i++;
			}
		}
	}

	private static boolean matches(PiiText text, int first, String[] term) {
		for (int k = 1; k < term.length; k++) {
			if (!term[k].equals(word(text, first + k))) {
				return false;
			}
		}
		return true;
	}

	private static String word(PiiText text, int token) {
		return text.text().substring(text.tokenStart(token), text.tokenEnd(token)).toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return "DictionaryRecognizer[" + this.type + "]";
	}

}
