package dev.aisecurity.guard.extraction;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded simulation of the model-extraction detector: scripted clients enumerating
 * templated prompts are caught; a realistic mix of normal users (varied prompts, uneven
 * pacing, a few repeats, some heavy users) is not. Prints both rates.
 */
class ExtractionSimulationTests {

	private static final String[] WORDS = ("account balance transfer card limit travel abroad fee interest loan "
			+ "mortgage rate savings pension tax return invoice refund dispute fraud alert password reset login "
			+ "app update statement branch opening hours cash deposit cheque overdraft salary budget plan "
			+ "insurance claim car home pet phone address change name email notification currency exchange "
			+ "euro dollar pound crypto stock fund dividend retirement child student credit score report "
			+ "payment schedule direct debit standing order contactless wallet pin blocked lost stolen replace "
			+ "how what why when can could should would do does is are my the a to for with about please "
			+ "explain help me tell show compare difference between best way need want know")
		.split(" ");

	private static final String[] ENUMERATION_TEMPLATES = {
			"Classify the sentiment of this review: the %s was %s and the %s felt %s.",
			"Translate into French: my %s needs a new %s before %s.",
			"Give the category of product %s with price %s and colour %s." };

	private static String sentence(Random random, int min, int max) {
		int length = min + random.nextInt(max - min + 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((i > 0) ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
		}
		return text.append(random.nextBoolean() ? "?" : ".").toString();
	}

	@Test
	void enumeratingClientsAreCaughtAndNormalUsersAreNot() {
		Random random = new Random(20261126L);
		ExtractionDetector detector = new ExtractionDetector(ExtractionDetector.Settings.defaults());
		long start = 1_700_000_000_000L;

		// 10 scripted extraction clients: 300 templated requests each, one every 2 to 8
		// seconds
		int extractors = 10;
		int extractorsBlocked = 0;
		int extractorRequests = 0;
		int extractorFlagged = 0;
		int firstBlockSum = 0;
		for (int c = 0; c < extractors; c++) {
			String template = ENUMERATION_TEMPLATES[c % ENUMERATION_TEMPLATES.length];
			long now = start;
			int firstBlock = -1;
			for (int i = 0; i < 300; i++) {
				now += 2_000 + random.nextInt(6_000);
				String prompt = template.formatted(WORDS[random.nextInt(WORDS.length)],
						WORDS[random.nextInt(WORDS.length)], i, WORDS[random.nextInt(WORDS.length)]);
				ExtractionAssessment assessment = detector.observe("extractor-" + c, prompt, now);
				detector.recordOutput("extractor-" + c, 150 + random.nextInt(200), now);
				extractorRequests++;
				if (assessment.action() != ExtractionAction.NONE) {
					extractorFlagged++;
				}
				if (assessment.action() == ExtractionAction.BLOCK && firstBlock < 0) {
					firstBlock = i + 1;
				}
			}
			if (firstBlock > 0) {
				extractorsBlocked++;
				firstBlockSum += firstBlock;
			}
		}

		// 300 normal users over 4 hours: 3 to 60 requests, 10 s to 6 min apart, 5%
		// repeats;
		// every tenth is a heavy user firing 40 to 120 varied questions in bursts
		int users = 300;
		int usersFlagged = 0;
		int usersBlocked = 0;
		int userRequests = 0;
		int userRequestsFlagged = 0;
		for (int u = 0; u < users; u++) {
			boolean heavy = u % 10 == 0;
			int requests = heavy ? 40 + random.nextInt(81) : 3 + random.nextInt(58);
			long now = start + random.nextInt(4 * 3_600_000);
			String previous = null;
			boolean flagged = false;
			boolean blocked = false;
			for (int i = 0; i < requests; i++) {
				now += heavy ? 5_000 + random.nextInt(40_000) : 10_000 + random.nextInt(350_000);
				String prompt = (previous != null && random.nextInt(20) == 0) ? previous : sentence(random, 3, 25);
				ExtractionAssessment assessment = detector.observe("user-" + u, prompt, now);
				detector.recordOutput("user-" + u, 50 + random.nextInt(400), now);
				previous = prompt;
				userRequests++;
				if (assessment.action() != ExtractionAction.NONE) {
					userRequestsFlagged++;
					flagged = true;
				}
				blocked |= assessment.action() == ExtractionAction.BLOCK;
			}
			usersFlagged += flagged ? 1 : 0;
			usersBlocked += blocked ? 1 : 0;
		}

		System.out.printf(
				"Extraction simulation: extractors blocked %d/%d (first block after %.1f requests on average),"
						+ " extractor requests flagged %.1f%%; normal users flagged %d/%d, blocked %d/%d,"
						+ " normal requests flagged %.2f%%%n",
				extractorsBlocked, extractors, (extractorsBlocked > 0) ? firstBlockSum / (double) extractorsBlocked : 0,
				100.0 * extractorFlagged / extractorRequests, usersFlagged, users, usersBlocked, users,
				100.0 * userRequestsFlagged / userRequests);
		assertThat(extractorsBlocked).isEqualTo(extractors);
		assertThat(usersBlocked).isZero();
		assertThat(usersFlagged).isLessThanOrEqualTo(users / 100);
	}

	@Test
	void blockLastsForTheCoolDownThenExpires() {
		ExtractionDetector.Settings defaults = ExtractionDetector.Settings.defaults();
		ExtractionDetector detector = new ExtractionDetector(defaults);
		long now = 0;
		ExtractionAssessment last = null;
		for (int i = 0; i < 60; i++) {
			now += 3_000;
			last = detector.observe("p", "Translate into French: item number " + i + " please", now);
		}
		assertThat(last.action()).isEqualTo(ExtractionAction.BLOCK);
		// an innocent-looking request during the cool-down is still refused
		assertThat(detector.observe("p", "what are the opening hours", now + 60_000).action())
			.isEqualTo(ExtractionAction.BLOCK);
		// after the window and the cool-down, the principal starts afresh
		long later = now + defaults.coolDown().toMillis() + defaults.window().toMillis() + 1;
		assertThat(detector.observe("p", "what are the opening hours", later).action())
			.isEqualTo(ExtractionAction.NONE);
		// other principals are unaffected
		assertThat(detector.observe("q", "what are the opening hours", now).action()).isEqualTo(ExtractionAction.NONE);
	}

}
