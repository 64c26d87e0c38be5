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
			Map<String, String> phrases = phrases(random);
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

	@Test
	void asciiScanOfLongTextsReportsWhatTheCharacterScanReports() {
		// many 64-byte blocks: words and separator runs across block borders, phrases
		// among words that start like them, long words that fall back inside a block
		Random random = new Random(7);
		int matched = 0;
		for (int n = 0; n < 1000; n++) {
			Map<String, String> phrases = phrases(random);
			TermMatcher matcher = TermMatcher.of(phrases);
			StringBuilder text = new StringBuilder();
			int parts = random.nextInt(120);
			for (int p = 0; p < parts; p++) {
				switch (random.nextInt(8)) {
					case 0 -> text.append(" ".repeat(random.nextInt(130)));
					case 1 -> text.append(FILLER[random.nextInt(FILLER.length)].repeat(1 + random.nextInt(30)));
					case 2 -> text.append(' ').append(FILLER[random.nextInt(FILLER.length)]).append(' ');
					default -> text.append(text(random, random.nextInt(6)));
				}
			}
			List<String> expected = new ArrayList<>();
			matcher.scan(text, (label, end) -> expected.add(label + "@" + end));
			List<String> actual = new ArrayList<>();
			byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
			matcher.scanAscii(bytes, (label, end) -> actual.add(label + "@" + end));
			assertThat(actual).as("case %d: %s in [%s]", n, phrases, text).isEqualTo(expected);
			matched += expected.isEmpty() ? 0 : 1;
		}
		assertThat(matched).isBetween(100, 900);
	}

	@Test
	void automatonRunIntoTheNextBlockResumesAfterItsStop() {
		TermMatcher matcher = TermMatcher.of(Map.of("kill you", "violence"));
		// the run from the first "kill" falls back to the root at the "z", 3 bytes into
		// the second block: words before it must not be scanned again
		String text = "kill kill you" + " ".repeat(64 - 13) + "kiz kill you";
		List<Integer> ends = new ArrayList<>();
		matcher.scanAscii(text.getBytes(StandardCharsets.US_ASCII), (label, end) -> ends.add(end));
		assertThat(ends).containsExactly(13, text.length());
	}

	private static final String[] FILLER = { "the", "order", "kil", "yo", "youx", "b0mb", "ii", "Z", "0", "goo", "\n",
			"--", "@[`{" };

	private static Map<String, String> phrases(Random random) {
		Map<String, String> phrases = new LinkedHashMap<>();
		int count = 1 + random.nextInt(6);
		for (int p = 0; p < count; p++) {
			phrases.put(text(random, 1 + random.nextInt(3)), "label" + random.nextInt(3));
		}
		return phrases;
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
