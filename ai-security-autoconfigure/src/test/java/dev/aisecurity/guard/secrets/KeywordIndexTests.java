package dev.aisecurity.guard.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordIndexTests {

	@Test
	void findsOverlappingKeywordsCaseInsensitively() {
		KeywordIndex index = new KeywordIndex(List.of("he", "she", "his", "hers"));
		List<String> hits = new ArrayList<>();
		index.find("uSHErs and his", (k, start) -> hits.add(k + "@" + start));
		assertThat(hits).containsExactly("1@1", "0@2", "3@2", "2@11");
	}

	@Test
	void nonAsciiResetsMatching() {
		KeywordIndex index = new KeywordIndex(List.of("key"));
		List<Integer> hits = new ArrayList<>();
		index.find("k\u00e9y key", (k, start) -> hits.add(start));
		assertThat(hits).containsExactly(4);
	}

	@Test
	void oneCharacterKeywordIsFoundAtTheEnd() {
		KeywordIndex index = new KeywordIndex(List.of("|", "ab"));
		List<String> hits = new ArrayList<>();
		index.find("x|yab|", (k, start) -> hits.add(k + "@" + start));
		assertThat(hits).containsExactly("0@1", "1@3", "0@5");
	}

	@Test
	void findsWhatANaiveSearchFinds() {
		// the skip over characters that cannot start a keyword must lose no occurrence:
		// texts made of keyword pieces, case changes and non-ASCII characters
		List<String> keywords = List.of("|", "-u", "--user", "key", "apikey", "sk-", "sk-proj-", "q~", "eyj", "a3t",
				"://", "xoxe.xox", "xoxe-", "eaa");
		KeywordIndex index = new KeywordIndex(keywords);
		String pieces = "|-u-sekyapi:/xoeq~jEYJA3T\u00e9\u212a ";
		Random random = new Random(11);
		for (int round = 0; round < 2000; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				if (random.nextInt(4) == 0) {
					String keyword = keywords.get(random.nextInt(keywords.size()));
					text.append(random.nextBoolean() ? keyword : keyword.toUpperCase());
				}
				else {
					text.append(pieces.charAt(random.nextInt(pieces.length())));
				}
			}
			List<String> expected = naive(keywords, text.toString());
			List<String> actual = new ArrayList<>();
			index.find(text.toString(), (k, start) -> actual.add(k + "@" + start));
			assertThat(actual).as(text.toString()).containsExactlyInAnyOrderElementsOf(expected);
			assertSameOnBytes(index, text.toString(), expected);
		}
	}

	@Test
	void findsWhatANaiveSearchFindsWithTheDefaultKeywords() {
		// the skip's table of keyword starts must never hide a start: every keyword of
		// the built-in rules, cut into pieces and glued to random characters
		List<String> keywords = defaultKeywords();
		KeywordIndex index = new KeywordIndex(keywords);
		Random random = new Random(29);
		for (int round = 0; round < 300; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(400);
			while (text.length() < length) {
				String keyword = keywords.get(random.nextInt(keywords.size()));
				int from = random.nextInt(keyword.length());
				String piece = keyword.substring(from, from + 1 + random.nextInt(keyword.length() - from));
				text.append(random.nextBoolean() ? piece : piece.toUpperCase());
				if (random.nextInt(3) == 0) {
					text.append((char) (' ' + random.nextInt(95)));
				}
			}
			List<String> expected = naive(keywords, text.toString());
			List<String> actual = new ArrayList<>();
			index.find(text.toString(), (k, start) -> actual.add(k + "@" + start));
			assertThat(actual).as(text.toString()).containsExactlyInAnyOrderElementsOf(expected);
			assertSameOnBytes(index, text.toString(), expected);
		}
	}

	/**
	 * The search of a plain ASCII text given as bytes, as the secret scanner runs it,
	 * finds the expected hits too.
	 */
	private static void assertSameOnBytes(KeywordIndex index, String text, List<String> expected) {
		if (!text.chars().allMatch((c) -> c < 128 && c != 0)) {
			return;
		}
		List<String> actual = new ArrayList<>();
		index.find(text.getBytes(StandardCharsets.US_ASCII), (k, start) -> actual.add(k + "@" + start));
		assertThat(actual).as(text).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void bytesOfAnyCaseFindWhatANaiveSearchFinds() {
		// plain ASCII texts with keywords in mixed case, tabs and line breaks: the
		// tables must give both cases of a letter the same entries
		List<String> keywords = defaultKeywords();
		KeywordIndex index = new KeywordIndex(keywords);
		Random random = new Random(41);
		int hits = 0;
		for (int round = 0; round < 1000; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(200);
			while (text.length() < length) {
				int kind = random.nextInt(5);
				if (kind == 0) {
					String keyword = keywords.get(random.nextInt(keywords.size()));
					for (int j = 0; j < keyword.length(); j++) {
						char c = keyword.charAt(j);
						text.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
					}
				}
				else if (kind == 1) {
					text.append("\t\n\r".charAt(random.nextInt(3)));
				}
				else {
					text.append((char) (' ' + random.nextInt(95)));
				}
			}
			List<String> expected = naive(keywords, text.toString());
			hits += expected.size();
			assertSameOnBytes(index, text.toString(), expected);
		}
		assertThat(hits).isGreaterThan(1000);
	}

	private static List<String> defaultKeywords() {
		return SecretRules.defaults().stream().flatMap((rule) -> rule.keywords().stream()).distinct().toList();
	}

	private static List<String> naive(List<String> keywords, String text) {
		List<String> hits = new ArrayList<>();
		for (int k = 0; k < keywords.size(); k++) {
			String keyword = keywords.get(k);
			for (int start = 0; start + keyword.length() <= text.length(); start++) {
				boolean match = true;
				for (int j = 0; j < keyword.length() && match; j++) {
					char c = text.charAt(start + j);
					match = c < 128 && Character.toLowerCase(c) == keyword.charAt(j);
				}
				if (match) {
					hits.add(k + "@" + start);
				}
			}
		}
		return hits;
	}

}
