package dev.aisecurity.guard.injection;

import java.util.Random;

import dev.aisecurity.guard.text.Confusables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte view of a plain ASCII text is its normalised form, and any other text is
 * refused, wherever its first character outside ASCII lies (question marks included,
 * which is what the encoding writes for characters it cannot map).
 */
class AsciiTextTests {

	private static final long SEED = 0xA5C11L;

	private static final String[] PIECES = { "Hello", "WORLD", "?", "??", " ", "\n", "\t", "Ignore ALL previous",
			"abcdefgh", "0123456789", "{[(<", "%41", "'", "\"", "~", "\u007f", "Zz" };

	private static final String[] FOREIGN = { "é", "ß", "中", "\u2022", "\uD83D\uDE00", "\uD83D", "Ａ", "а" };

	@Test
	void asciiTextReadsAsItsNormalisedForm() {
		Random random = new Random(SEED);
		for (int round = 0; round < 5000; round++) {
			String sample = randomAscii(random);
			AsciiText ascii = AsciiText.of(sample);
			assertThat(ascii).as("case %d: %s", round, sample).isNotNull();
			assertThat(ascii.toString()).as("case %d: %s", round, sample).isEqualTo(Confusables.fold(sample));
			assertThat(ascii.length()).isEqualTo(sample.length());
			int cut = random.nextInt(sample.length() + 1);
			assertThat(ascii.subSequence(0, cut).toString()).isEqualTo(Confusables.fold(sample.substring(0, cut)));
			assertThat(ascii.reversed().toString())
				.isEqualTo(new StringBuilder(Confusables.fold(sample)).reverse().toString());
		}
	}

	@Test
	void anyOtherTextIsRefused() {
		Random random = new Random(SEED + 1);
		for (int round = 0; round < 5000; round++) {
			String sample = randomAscii(random);
			int at = random.nextInt(sample.length() + 1);
			String foreign = sample.substring(0, at) + FOREIGN[random.nextInt(FOREIGN.length)] + sample.substring(at);
			assertThat(AsciiText.of(foreign)).as("case %d: %s", round, foreign).isNull();
		}
	}

	private static String randomAscii(Random random) {
		StringBuilder text = new StringBuilder();
		int count = random.nextInt(60);
		for (int i = 0; i < count; i++) {
			text.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return text.toString();
	}

}
