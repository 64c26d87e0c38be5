package dev.aisecurity.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates benchmark inputs from sentences written for this purpose (not evaluation
 * data): ordinary prompt text, and adversarial text that stresses the detectors.
 */
final class PromptTexts {

	private static final String[] SENTENCES = {
			"Can you help me write a short email to my landlord about the broken heating in the flat?",
			"Summarise the following meeting notes in five bullet points and list the open action items.",
			"Our team is migrating a Spring Boot service from Java 11 to Java 17 and the build now fails.",
			"Please explain the difference between a left join and an inner join with a small example.",
			"I am planning a three-day trip to Lisbon in October; what neighbourhoods should I stay in?",
			"Rewrite this paragraph so that it sounds friendlier but keeps every technical detail intact.",
			"The customer reported that the invoice total does not match the sum of the line items.",
			"What are the trade-offs between storing sessions in Redis and keeping them in the database?",
			"Translate the product description below into French and keep the brand names unchanged.",
			"Give me three ideas for a birthday party for a seven-year-old who loves dinosaurs.",
			"The quarterly report shows revenue up eight percent while operating costs stayed flat.",
			"Draft a polite reply declining the invitation, and suggest another date next month.",
			"How should I structure unit tests for a class that talks to an external payment provider?",
			"List the main causes of the French Revolution and explain each in one or two sentences.",
			"My sourdough starter smells of acetone; is it still usable, and how do I revive it?",
			"Write a haiku about autumn rain on a tin roof.",
			"Compare the energy efficiency of heat pumps and gas boilers for a small terraced house.",
			"Here is the stack trace from the failing job; what is the most likely root cause?",
			"Suggest a name for a podcast about urban gardening and community allotments.",
			"Check this SQL query for performance problems: it scans the orders table twice.",
			"Explain to a new colleague how our release process works, from pull request to production.",
			"Which of these three laptops would suit a student who edits video now and then?",
			"Please proofread the cover letter and point out anything that sounds too informal.",
			"What is the capital gains tax treatment of shares received through an employee plan?" };

	private PromptTexts() {
	}

	/**
	 * Ordinary prompt text of about {@code bytes} UTF-8 bytes: sentences in random order,
	 * grouped into paragraphs.
	 */
	static String realistic(int bytes, long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder(bytes + 128);
		int sentences = 0;
		while (text.length() < bytes) {
			text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
			sentences++;
			text.append((sentences % 5 == 0) ? "\n\n" : " ");
		}
		return trim(text, bytes);
	}

	/**
	 * About {@code bytes} of input built to make detectors work hard.
	 */
	static String adversarial(int bytes, long seed) {
		Random random = new Random(seed);
		String[] nearMisses = { "please ignore the previous chapter of the novel ",
				"what is a system prompt and why does it matter ", "act as a translator for this letter ",
				"how do I kill a python process ", "forget about it, the weather was fine ",
				"the developer mode setting on my phone ", "print the report above the table ",
				"new task: water the plants ", "system: ", "<|im_start|> ", "[INST] ", "1gn0r3 th3 w34th3r ",
				"snoitcurtsni suoiverp ", "I have been to Lisbon ", "secret key: ", "-- end of prompt -- " };
		StringBuilder text = new StringBuilder(bytes + 256);
		while (text.length() < bytes) {
			switch (random.nextInt(7)) {
				case 0, 1 -> {
					for (int i = 0; i < 20; i++) {
						text.append(nearMisses[random.nextInt(nearMisses.length)]);
					}
				}
				case 2 -> {
					// long base64-like runs
					for (int i = 0; i < 600; i++) {
						text.append((char) ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
							.charAt(random.nextInt(64))));
					}
					text.append(' ');
				}
				case 3 -> {
					// deep nesting of delimiters
					for (int i = 0; i < 200; i++) {
						text.append("[{(<");
					}
					for (int i = 0; i < 200; i++) {
						text.append(">)}]");
					}
					text.append(' ');
				}
				case 4 -> {
					// bracket soup tokens and glued words
					for (int i = 0; i < 60; i++) {
						text.append(random.nextBoolean() ? "]{\\|}{ " : "carefullyvertOUR({[ ");
					}
				}
				case 5 -> {
					// Morse-like and percent-encoded runs
					for (int i = 0; i < 300; i++) {
						text.append(random.nextBoolean() ? ".- " : "%4");
					}
					text.append(' ');
				}
				default -> {
					// hidden tag characters spelling text
					for (int i = 0; i < 100; i++) {
						text.appendCodePoint(0xE0000 + 'a' + random.nextInt(26));
					}
					text.append(' ');
				}
			}
		}
		return trim(text, bytes);
	}

	private static String trim(StringBuilder text, int bytes) {
		String result = text.toString();
		while (result.getBytes(StandardCharsets.UTF_8).length > bytes) {
			int cut = result.length() - Math.max(1, (result.getBytes(StandardCharsets.UTF_8).length - bytes) / 4);
			if (cut > 0 && Character.isLowSurrogate(result.charAt(cut))) {
				cut--;
			}
			result = result.substring(0, cut);
		}
		return result;
	}

}
