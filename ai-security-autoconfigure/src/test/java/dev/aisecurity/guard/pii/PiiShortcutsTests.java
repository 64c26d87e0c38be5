package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts of {@link PiiText} (digit search, window views, context words found by
 * scanning outwards) against the general path that indexes every token and tries every
 * position ({@link PiiText#exhaustive(String)}): on random texts dense with digits,
 * separators, entities and context words, both find the same entities with the same
 * scores.
 */
class PiiShortcutsTests {

	private static final String[] ENTITIES = { "4111 1111 1111 1111", "4111-1111-1111-1111", "+1 202-555-0143",
			"(202) 555-0143", "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "078-05-1120",
			"536-22-1234", "00:1A:2b:3C:4d:5E", "de-ad-be-ef-ca-fe", "0123.4567.89ab", "jane@example.com",
			"https://x.example/a?b=1", "192.168.0.1", "2001:db8::1", "::", "AB 12 34 56 C", "QQ123456C",
			"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "X1234567L",
			"12345678Z", "131052-308T", "S1234567D", "1EG4-TE5-MK73", "RSSMRA85T10A562S", "MORGA753116SM9IJ",
			"943 476 5919", "011000015", "www.example.com", "log.info", "2024-05-13", "13.05.2024", "+44 20 7946 0958",
			"0917 123 4567", "SW1A 1AA", "GIR 0AA", "BD51 SMR", "MH 12 AB 1234", "22 BH 1234 AA", "34 ABC 123",
			"KJA-456-XY", "KJA 456 XY", "B MW 1234", "HRB 12345 B", "HR B 4711", "A123-456-78-901-0",
			"A 123 456 789 012", "CA12345AB", "AB 1234567", "27AAPFU0939F1ZV", "12/345/67890" };

	private static final String[] WORDS = { "my", "card", "is", "the", "phone", "order", "number", "ssn", "Social", "x",
			"iban", "Mac", "to", "call", "REF", "nhs", "routing", "é", "Жук", "İban", "\u212Aard", "plate", "passport",
			"license", "kennzeichen", "plaka", "postcode", "steuernummer" };

	private static final String NOISE = "0123456789 -./:+()@%_,;\n\tabcdefABCDEFxyzXYZé٣Жİ\u212A";

	private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

	@Test
	void shortcutsFindWhatTheGeneralPathFinds() {
		Random random = new Random(20261126);
		int withEntities = 0;
		java.util.Set<String> types = new java.util.TreeSet<>();
		for (int run = 0; run < 3000; run++) {
			String text = randomText(random);
			List<PiiEntity> general = this.analyzer.analyze(PiiText.exhaustive(text), true);
			assertThat(this.analyzer.analyze(PiiText.of(text), true)).as(text).isEqualTo(general);
			withEntities += general.isEmpty() ? 0 : 1;
			general.forEach((entity) -> types.add(entity.type()));
		}
		// the comparison means something only if entities are found, also of the
		// layouts led by letters (their recognisers take a start-token shortcut)
		assertThat(withEntities).isGreaterThan(1000);
		assertThat(types).contains("UK_POSTCODE", "UK_VEHICLE_REGISTRATION", "IN_VEHICLE_REGISTRATION",
				"DE_HANDELSREGISTER", "US_DRIVER_LICENSE", "TR_LICENSE_PLATE", "NG_VEHICLE_REGISTRATION", "DE_KFZ",
				"IT_IDENTITY_CARD", "IN_GSTIN");
	}

	@Test
	void digitSearchesFindWhatTheScanFinds() {
		Random random = new Random(7);
		for (int run = 0; run < 3000; run++) {
			String text = noise(random, 300);
			int length = text.length();
			PiiText fast = PiiText.of(text);
			PiiText general = PiiText.exhaustive(text);
			int position = random.nextInt(length + 1);
			int expected = position;
			while (expected < length && !PiiText.isDigit(text.charAt(expected))) {
				expected++;
			}
			assertThat(fast.nextDigit(position)).isEqualTo((expected < length) ? expected : -1);
			assertThat(general.nextDigit(position)).isEqualTo((position < length) ? position : -1);
			// a character right after a digit
			char c = ".:-a".charAt(random.nextInt(4));
			int after = Math.max(position, 1);
			while (after < length && !(text.charAt(after) == c && PiiText.isDigit(text.charAt(after - 1)))) {
				after++;
			}
			int found = (after < length) ? after : -1;
			assertThat(fast.nextAfterDigit(c, position)).as(text).isEqualTo(found);
			assertThat(general.nextAfterDigit(c, position)).as(text).isEqualTo(found);
			// a full stop right before a letter or digit
			int dot = position;
			while (dot + 1 < length && !(text.charAt(dot) == '.' && PiiText.isWordChar(text.charAt(dot + 1)))) {
				dot++;
			}
			assertThat(fast.nextInnerDot(position)).as(text).isEqualTo((dot + 1 < length) ? dot : -1);
		}
	}

	@Test
	void phoneNumbersOnDigitAndSeparatorRuns() {
		PhoneRecognizer phones = new PhoneRecognizer();
		Random random = new Random(3);
		int found = 0;
		for (int run = 0; run < 5000; run++) {
			StringBuilder text = new StringBuilder();
			int length = 5 + random.nextInt(40);
			for (int i = 0; i < length; i++) {
				text.append((random.nextInt(10) < 7) ? (char) ('0' + random.nextInt(10))
						: " -./()+a".charAt(random.nextInt(8)));
			}
			List<PiiEntity> fast = new ArrayList<>();
			List<PiiEntity> general = new ArrayList<>();
			phones.recognize(PiiText.of(text.toString()), fast);
			phones.recognize(PiiText.exhaustive(text.toString()), general);
			assertThat(fast).as(text.toString()).isEqualTo(general);
			found += general.size();
		}
		assertThat(found).isGreaterThan(500);
	}

	@Test
	void windowViewsKeepTheTokensOfTheFullIndex() {
		Random random = new Random(5);
		for (int run = 0; run < 2000; run++) {
			String text = randomText(random);
			PiiText full = PiiText.of(text);
			full.tokenCount();
			for (PiiText view : List.of(PiiText.of(text).digitWindows(), PiiText.of(text).joinedWindows(":-.", 2))) {
				int token = 0;
				for (int t = 0; t < view.tokenCount(); t++) {
					while (full.tokenStart(token) != view.tokenStart(t)) {
						token++;
					}
					assertThat(view.tokenEnd(t)).isEqualTo(full.tokenEnd(token));
					assertThat(view.tokenIsDigits(t)).isEqualTo(full.tokenIsDigits(token));
					assertThat(view.tokenHasDigit(t)).isEqualTo(full.tokenHasDigit(token));
					assertThat(view.tokenIsAscii(t)).isEqualTo(full.tokenIsAscii(token));
				}
			}
		}
	}

	/** Up to {@code maxLength - 1} characters of {@link #NOISE}. */
	private static String noise(Random random, int maxLength) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(maxLength);
		for (int i = 0; i < length; i++) {
			text.append(NOISE.charAt(random.nextInt(NOISE.length())));
		}
		return text.toString();
	}

	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int parts = 1 + random.nextInt(12);
		for (int k = 0; k < parts; k++) {
			switch (random.nextInt(5)) {
				case 0 -> text.append(ENTITIES[random.nextInt(ENTITIES.length)]);
				case 1 -> text.append(noise(random, 20));
				case 2 -> {
					int length = random.nextInt(25);
					for (int i = 0; i < length; i++) {
						text.append((random.nextInt(10) < 7) ? (char) ('0' + random.nextInt(10))
								: " -./:+".charAt(random.nextInt(6)));
					}
				}
				case 3 -> {
					int words = 1 + random.nextInt(8);
					for (int i = 0; i < words; i++) {
						text.append(WORDS[random.nextInt(WORDS.length)]).append((random.nextInt(4) == 0) ? ", " : " ");
					}
				}
				default -> text.append(random.nextBoolean() ? " " : random.nextBoolean() ? ", " : "\n");
			}
		}
		return text.toString();
	}

}
