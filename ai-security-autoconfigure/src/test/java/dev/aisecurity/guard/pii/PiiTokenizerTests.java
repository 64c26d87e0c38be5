package dev.aisecurity.guard.pii;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiTokenizerTests {

	private final PiiTokenizer tokenizer = PiiTokenizer.withDefaults();

	@Test
	void tokenizesAndRestores() {
		TokenMap map = new TokenMap();
		String prompt = "Write to jane@example.com and cc jane@example.com, also bob@example.org; card 4111111111111111.";
		String tokenized = this.tokenizer.tokenize(prompt, map);
		assertThat(tokenized).isEqualTo("Write to <EMAIL_ADDRESS_1> and cc <EMAIL_ADDRESS_1>, also <EMAIL_ADDRESS_2>; "
				+ "card <CREDIT_CARD_1>.");
		assertThat(map.size()).isEqualTo(3);
		assertThat(map.restore("Sent to <EMAIL_ADDRESS_2> and <EMAIL_ADDRESS_1>, not <EMAIL_ADDRESS_9>."))
			.isEqualTo("Sent to bob@example.org and jane@example.com, not <EMAIL_ADDRESS_9>.");
	}

	@Test
	void toStringNeverShowsValues() {
		TokenMap map = new TokenMap();
		this.tokenizer.tokenize("mail jane@example.com", map);
		assertThat(map.toString()).isEqualTo("TokenMap[1 entries]").doesNotContain("jane");
		assertThat(map.streamRestorer().toString()).doesNotContain("jane");
	}

	@Test
	void mapsAreIndependentPerRequest() {
		TokenMap first = new TokenMap();
		TokenMap second = new TokenMap();
		this.tokenizer.tokenize("a jane@example.com", first);
		assertThat(second.restore("<EMAIL_ADDRESS_1>")).isEqualTo("<EMAIL_ADDRESS_1>");
		assertThat(first.restore("<EMAIL_ADDRESS_1>")).isEqualTo("jane@example.com");
	}

	@Test
	void streamRestorerHoldsBackSplitPlaceholders() {
		TokenMap map = new TokenMap();
		this.tokenizer.tokenize("jane@example.com and 203.0.113.7", map);
		String reply = "Dear <EMAIL_ADDRESS_1>, your host <IP_ADDRESS_1> is up. 3 < 4 and <b>ok</b> <";
		String expected = map.restore(reply);
		assertThat(expected).contains("jane@example.com", "203.0.113.7");
		Random random = new Random(11);
		for (int run = 0; run < 500; run++) {
			TokenMap.StreamRestorer restorer = map.streamRestorer();
			StringBuilder out = new StringBuilder();
			int i = 0;
			while (i < reply.length()) {
				int next = Math.min(reply.length(), i + 1 + random.nextInt(6));
				String released = restorer.push(reply.substring(i, next));
				// a released piece never ends inside a placeholder of this map
				assertThat(released).doesNotContain("<EMAIL_ADDRESS_1>").doesNotContain("<IP_ADDRESS_1>");
				out.append(released);
				i = next;
			}
			out.append(restorer.flush());
			assertThat(out.toString()).isEqualTo(expected);
			assertThat(restorer.held()).isZero();
		}
	}

}
