package dev.aisecurity.guard.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

	@Test
	void reportsWhatANaiveWordSearchReports() {
		// words that match nothing are skipped at the root: no occurrence may be lost
		Map<String, String> phrases = new LinkedHashMap<>();
		phrases.put("kill you", "a");
		phrases.put("you kill", "b");
		phrases.put("kill", "c");
		phrases.put("i will kill you", "d");
		phrases.put("ki ll", "e");
		TermMatcher matcher = TermMatcher.of(phrases);
		String[] pieces = { "kill", "KILL", "you", "i", "will", "ki", "ll", "skill", "killed", "yo", "x" };
		String[] separators = { " ", "  ", ", ", "\n", "-", "" };
		Random random = new Random(3);
		int found = 0;
		for (int round = 0; round < 3000; round++) {
			StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : ".");
			int count = random.nextInt(8);
			for (int i = 0; i < count; i++) {
				text.append(pieces[random.nextInt(pieces.length)])
					.append(separators[random.nextInt(separators.length)]);
			}
			List<String> expected = naive(phrases, text.toString());
			List<String> actual = new ArrayList<>();
			matcher.scan(text.toString(), (label, end) -> actual.add(label + "@" + end));
			assertThat(actual).as(text.toString()).containsExactlyInAnyOrderElementsOf(expected);
			found += expected.size();
		}
		assertThat(found).isPositive();
	}

	/** Every phrase occurrence on word boundaries, reported at the separator after it. */
	private static List<String> naive(Map<String, String> phrases, String text) {
		// the words of the text with the index of the separator (or end) after each
		List<String> words = new ArrayList<>();
		List<Integer> ends = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				word.append(Character.toLowerCase(c));
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				ends.add(i);
				word.setLength(0);
			}
		}
		List<String> hits = new ArrayList<>();
		phrases.forEach((phrase, label) -> {
			List<String> phraseWords = List.of(phrase.split(" "));
			for (int start = 0; start + phraseWords.size() <= words.size(); start++) {
				if (words.subList(start, start + phraseWords.size()).equals(phraseWords)) {
					hits.add(label + "@" + ends.get(start + phraseWords.size() - 1));
				}
			}
		});
		return hits;
	}

}
