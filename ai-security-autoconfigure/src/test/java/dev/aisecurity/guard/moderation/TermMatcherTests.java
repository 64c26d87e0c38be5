package dev.aisecurity.guard.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.guard.GuardText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TermMatcherTests {

	private static List<String> labels(TermMatcher matcher, String text) {
		List<String> found = new ArrayList<>();
		matcher.scan(GuardText.of(text).normalized(), (label, end) -> found.add(label));
		return found;
	}

	@Test
	void matchesWholeWordsOnly() {
		TermMatcher matcher = TermMatcher.of(Map.of("kill you", "threat"));
		assertThat(labels(matcher, "I will kill you.")).containsExactly("threat");
		assertThat(labels(matcher, "the skill youth programme")).isEmpty();
		assertThat(labels(matcher, "kill yourself")).isEmpty();
		assertThat(labels(matcher, "killyou")).isEmpty();
	}

	@Test
	void ignoresCasePunctuationLineBreaksAndLookAlikes() {
		TermMatcher matcher = TermMatcher.of(Map.of("Kill  You", "threat"));
		assertThat(labels(matcher, "KILL\n\t you")).containsExactly("threat");
		assertThat(labels(matcher, "kill-you")).containsExactly("threat");
		// Cyrillic 'К' and 'і' folded to Latin by the normalised view
		assertThat(labels(matcher, "\u041aill y\u043eu")).containsExactly("threat");
		// fullwidth letters
		assertThat(labels(matcher, "\uff4b\uff49\uff4c\uff4c you")).containsExactly("threat");
	}

	@Test
	void findsOverlappingAndRepeatedPhrases() {
		Map<String, String> phrases = new LinkedHashMap<>();
		phrases.put("a b", "x");
		phrases.put("b c", "y");
		phrases.put("b", "z");
		TermMatcher matcher = TermMatcher.of(phrases);
		assertThat(labels(matcher, "a b c a b")).containsExactlyInAnyOrder("z", "x", "y", "z", "x");
		assertThat(matcher.size()).isEqualTo(3);
	}

	@Test
	void matchesNonAsciiPhrases() {
		TermMatcher matcher = TermMatcher.of(Map.of("straße gesperrt", "de", "日本", "ja"));
		assertThat(labels(matcher, "Die Straße gesperrt!")).containsExactly("de");
		assertThat(labels(matcher, "Die Straße ist gesperrt")).isEmpty();
	}

	@Test
	void emptyMatcherFindsNothing() {
		TermMatcher matcher = TermMatcher.of(Map.of("  ", "blank"));
		assertThat(matcher.size()).isZero();
		assertThat(matcher.matchesAny("anything")).isFalse();
	}

	@Test
	void adversarialRepetitionStaysCorrect() {
		TermMatcher matcher = TermMatcher.of(Map.of("a a a a b", "x"));
		String text = "a ".repeat(100_000) + "b";
		assertThat(labels(matcher, text)).containsExactly("x");
	}

}
