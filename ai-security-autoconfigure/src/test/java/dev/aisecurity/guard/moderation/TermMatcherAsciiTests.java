package dev.aisecurity.guard.moderation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte path of {@link TermMatcher} reports exactly what the character path reports,
 * on random texts made of the phrases' own words.
 */
class TermMatcherAsciiTests {

	private static final String[] WORDS = { "kill", "you", "yourself", "i", "a", "b", "go", "die", "bomb", "pipe",
			"make", "to", "skill", "youth", "7", "x9" };

	private static final String[] SEPARATORS = { " ", "  ", "\n", "-", ". ", ",\t", "'", "" };

	@Test
	void asciiScanReportsWhatTheCharacterScanReports() {
		Random random = new Random(42);
		int matched = 0;
		for (int n = 0; n < 2000; n++) {
			Map<String, String> phrases = new LinkedHashMap<>();
			int count = 1 + random.nextInt(6);
			for (int p = 0; p < count; p++) {
				phrases.put(text(random, 1 + random.nextInt(3)), "label" + random.nextInt(3));
			}
			TermMatcher matcher = TermMatcher.of(phrases);
			String text = text(random, random.nextInt(60));
			List<String> expected = new ArrayList<>();
			matcher.scan(text, (label, end) -> expected.add(label + "@" + end));
			List<String> actual = new ArrayList<>();
			matcher.scanAscii(text.getBytes(StandardCharsets.US_ASCII), (label, end) -> actual.add(label + "@" + end));
			assertThat(actual).as("case %d: %s in [%s]", n, phrases, text).isEqualTo(expected);
			assertThat(matcher.matchesAnyAscii(text.getBytes(StandardCharsets.US_ASCII)))
				.isEqualTo(matcher.matchesAny(text));
			matched += expected.isEmpty() ? 0 : 1;
		}
		// both outcomes, or the comparison proves little
		assertThat(matched).isBetween(200, 1800);
	}

	private static String text(Random random, int words) {
		StringBuilder text = new StringBuilder();
		if (random.nextInt(4) == 0) {
			text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
		}
		for (int w = 0; w < words; w++) {
			if (w > 0) {
				String separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
				text.append(separator.isEmpty() ? " " : separator);
			}
			String word = WORDS[random.nextInt(WORDS.length)];
			text.append(random.nextInt(5) == 0 ? word.toUpperCase() : word);
		}
		if (random.nextInt(4) == 0) {
			text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
		}
		return text.toString();
	}

}
