package dev.aisecurity.guard.text;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import dev.aisecurity.guard.GuardText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast paths of the text scanners decide exactly as their general paths, on random
 * texts built to sit near every threshold.
 */
class TextFastPathTests {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?-=_*#[]{}\n\t\r";

	@Test
	void floodPrecheckNeverChangesTheDecision() {
		Random random = new Random(20261126);
		FormatLimits[] limits = { FormatLimits.defaults(), new FormatLimits(200, 600, 16, 0.05),
				new FormatLimits(130, 300, 64, 0.05), new FormatLimits(50, 2000, 40, 0.05),
				new FormatLimits(1024, 200, 64, 0.05) };
		int floods = 0;
		int cases = 0;
		for (FormatLimits limit : limits) {
			FormatScanner scanner = new FormatScanner(limit);
			for (int n = 0; n < 400; n++) {
				String text = floodCandidate(random, limit);
				boolean exact = scanner.scanFlood(text);
				assertThat(scanner.isFlood(text)).as("case %d of %s", n, limit).isEqualTo(exact);
				floods += exact ? 1 : 0;
				cases++;
			}
		}
		// the generator must produce both outcomes, or the comparison proves little
		assertThat(floods).isBetween(cases / 10, cases - cases / 10);
	}

	@Test
	void floodPrecheckSeesSparseBreaksAndSharedLowBytes() {
		FormatScanner scanner = new FormatScanner();
		Random random = new Random(29);
		int floods = 0;
		for (int n = 0; n < 300; n++) {
			String unit = randomText(random, 2 + random.nextInt(12));
			// the same unit with one character swapped for one that shares its low byte
			// (U+0161 and 'a') or for another character altogether
			char swap = random.nextBoolean() ? (char) (unit.charAt(0) + 0x100) : '#';
			String other = swap + unit.substring(1);
			StringBuilder text = new StringBuilder(randomText(random, random.nextInt(3000)));
			int units = (4000 + random.nextInt(8000)) / unit.length();
			int swaps = random.nextInt(3);
			int first = random.nextInt(units);
			int second = random.nextInt(units);
			for (int u = 0; u < units; u++) {
				text.append((swaps >= 1 && u == first) || (swaps == 2 && u == second) ? other : unit);
			}
			text.append(randomText(random, random.nextInt(3000)));
			boolean exact = scanner.scanFlood(text.toString());
			assertThat(scanner.isFlood(text.toString())).as("case %d", n).isEqualTo(exact);
			floods += exact ? 1 : 0;
		}
		assertThat(floods).isBetween(15, 285);
	}

	/**
	 * ASCII with now and then a character from elsewhere (accented, Cyrillic, fullwidth,
	 * a pair or a lone surrogate, a control or invisible character, the question mark
	 * that ISO-8859-1 writes for what it cannot map), at any position, including the last
	 * bytes that do not fill a word.
	 */
	private static final String[] EXOTIC = { "\u00e9", "\u00c9", "\u0430", "\u0410", "\uff21", "\ud83d\ude00", "\ud800",
			"\udc00", "\u0000", "\u0007", "\u007f", "\u0085", "\u200b", "\u202e", "\ufeff", "\ufffd", "\udb40\udc41",
			"\u4e2d", "?", "??", "\u00a0", "e\u0301", "\u017f" };

	private static String mixed(Random random) {
		int length = random.nextInt(random.nextBoolean() ? 40 : 3000);
		StringBuilder text = new StringBuilder(randomText(random, length));
		int exotic = random.nextInt(4);
		for (int i = 0; i < exotic; i++) {
			text.insert(random.nextInt(text.length() + 1), EXOTIC[random.nextInt(EXOTIC.length)]);
		}
		return text.toString();
	}

	@Test
	void asciiFoldEqualsTheGeneralFold() {
		Random random = new Random(7);
		int ascii = 0;
		for (int n = 0; n < 3000; n++) {
			String text = mixed(random);
			assertThat(Confusables.fold(text)).as("case %d", n).isEqualTo(Confusables.foldUnicode(text));
			ascii += text.chars().allMatch((c) -> c < 0x80) ? 1 : 0;
		}
		assertThat(ascii).isBetween(300, 2700);
	}

	@Test
	void tokenBoundsDecideAsTheFullEstimate() {
		Random random = new Random(11);
		int exceeded = 0;
		int cases = 0;
		for (int n = 0; n < 3000; n++) {
			String text = mixed(random);
			long estimate = TokenEstimator.estimate(text);
			// limits around the estimate, where the bounds must hand over to the full
			// count
			for (long limit : new long[] { 0, estimate - 1, estimate, estimate + 1, estimate * 3 / 4, estimate * 5 / 4,
					text.length() }) {
				boolean exceeds = TokenEstimator.exceeds(text, limit);
				assertThat(exceeds).as("case %d, limit %d", n, limit).isEqualTo(estimate > limit);
				byte[] plain = TextPreprocessor.process(text).plainAscii();
				if (plain != null) {
					assertThat(TokenEstimator.exceeds(text, plain, limit)).as("case %d, limit %d", n, limit)
						.isEqualTo(estimate > limit);
				}
				exceeded += exceeds ? 1 : 0;
				cases++;
			}
		}
		assertThat(exceeded).isBetween(cases / 10, cases - cases / 10);
	}

	@Test
	void asciiCountsBoundTheEstimate() {
		Random random = new Random(13);
		for (int n = 0; n < 3000; n++) {
			String text = randomText(random, random.nextInt(2000));
			TokenEstimator.AsciiCounts counts = TokenEstimator.AsciiCounts.of(text);
			assertThat(counts).isNotNull();
			assertThat(TokenEstimator.estimate(text)).as("case %d", n).isBetween(counts.atLeast(), counts.atMost());
		}
		assertThat(TokenEstimator.AsciiCounts.of("caf\u00e9 au lait")).isNull();
	}

	@Test
	void plainPreprocessingEqualsTheGeneralPass() {
		Random random = new Random(17);
		int plainTexts = 0;
		for (int n = 0; n < 3000; n++) {
			String text = mixed(random);
			GuardText fast = TextPreprocessor.process(text);
			GuardText general = TextPreprocessor.processGeneral(text);
			assertThat(fast.sanitized()).as("case %d", n).isEqualTo(general.sanitized());
			assertThat(fast.hidden()).isEqualTo(general.hidden());
			assertThat(fast.stats()).isEqualTo(general.stats());
			assertThat(fast.normalized()).isEqualTo(general.normalized());
			boolean plain = text.chars()
				.allMatch((c) -> (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r');
			if (plain) {
				assertThat(fast.plainAscii()).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
				assertThat(fast.normalizedAscii()).isEqualTo(general.normalized().getBytes(StandardCharsets.US_ASCII));
				plainTexts++;
			}
			else {
				assertThat(fast.plainAscii()).as("case %d", n).isNull();
				assertThat(fast.normalizedAscii()).isNull();
			}
		}
		assertThat(plainTexts).isBetween(300, 2700);
	}

	/**
	 * Noise, runs of one character and repeated units, with lengths spread around the
	 * limits, sometimes with one character changed inside.
	 */
	private static String floodCandidate(Random random, FormatLimits limits) {
		StringBuilder text = new StringBuilder();
		int parts = 1 + random.nextInt(4);
		for (int p = 0; p < parts; p++) {
			switch (random.nextInt(3)) {
				case 0 -> text.append(randomText(random, random.nextInt(3000)));
				case 1 -> {
					char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
					int length = (int) (limits.maxCharacterRun() * (0.8 + 0.4 * random.nextDouble()));
					text.append(String.valueOf(c).repeat(length));
				}
				default -> {
					String unit = randomText(random, 2 + random.nextInt(limits.maxUnitLength() + 8));
					int length = (int) (limits.maxRepeatedSpan() * (0.8 + 0.4 * random.nextDouble()));
					StringBuilder stretch = new StringBuilder();
					while (stretch.length() < length) {
						stretch.append(unit);
					}
					stretch.setLength(length);
					if (random.nextInt(4) == 0) {
						stretch.setCharAt(random.nextInt(length), '\u00e9');
					}
					text.append(stretch);
				}
			}
		}
		return text.toString();
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

}
