package dev.aisecurity.guard.text;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinearSearchTests {

	@Test
	void agreesWithStringIndexOfOnRandomTextsOverASmallAlphabet() {
		Random random = new Random(7);
		for (int round = 0; round < 5000; round++) {
			String text = randomText(random, random.nextInt(40));
			String pattern = randomText(random, 1 + random.nextInt(5));
			int from = random.nextInt(text.length() + 3) - 1;
			assertThat(LinearSearch.indexOf(text, pattern, from)).as("'%s' in '%s' from %d", pattern, text, from)
				.isEqualTo(text.indexOf(pattern, from));
		}
	}

	@Test
	void findsThePatternAfterTheWorstCasePrefixOfStringIndexOf() {
		String pattern = "a".repeat(50_000) + "b";
		String text = "a".repeat(200_000) + pattern;
		assertThat(LinearSearch.indexOf(text, pattern, 0)).isEqualTo(200_000);
		assertThat(LinearSearch.indexOf("a".repeat(200_000), pattern, 0)).isEqualTo(-1);
	}

	@Test
	void emptyPatternAndOutOfRangeStart() {
		assertThat(LinearSearch.indexOf("abc", "", 1)).isEqualTo(1);
		assertThat(LinearSearch.indexOf("abc", "c", 10)).isEqualTo(-1);
		assertThat(LinearSearch.indexOf("abc", "a", -5)).isZero();
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(3)));
		}
		return text.toString();
	}

}
