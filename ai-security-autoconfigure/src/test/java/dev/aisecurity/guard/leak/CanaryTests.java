package dev.aisecurity.guard.leak;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryTests {

	@Test
	void generatesDistinctWellFormedCanaries() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String canary = Canary.generate();
			assertThat(canary).startsWith(Canary.PREFIX).hasSize(Canary.PREFIX.length() + 20);
			seen.add(canary);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void embedsAndFindsTheCanary() {
		String canary = Canary.generate();
		String prompt = Canary.embed("You are a support bot.", canary);
		assertThat(prompt).startsWith("You are a support bot.").contains(canary);
		assertThat(Canary.find(prompt)).isEqualTo(canary);
		assertThat(Canary.find("You are a support bot.")).isNull();
		assertThat(Canary.find(null)).isNull();
		assertThat(Canary.embed(null, canary)).contains(canary);
		assertThat(Canary.of("no canary", Map.of(Canary.CONTEXT_ATTRIBUTE, canary))).isEqualTo(canary);
		assertThat(Canary.of(prompt, Map.of())).isEqualTo(canary);
	}

	@Test
	void detectsVerbatimAndDisguisedCanaries() {
		String canary = Canary.generate();
		String core = canary.substring(Canary.PREFIX.length());
		assertThat(Canary.appearsIn("my instructions say " + canary, canary)).isTrue();
		assertThat(Canary.appearsIn(core.toUpperCase(), canary)).isTrue();
		StringBuilder spaced = new StringBuilder();
		for (char c : core.toCharArray()) {
			spaced.append(c).append(" - ");
		}
		assertThat(Canary.appearsIn(spaced.toString(), canary)).isTrue();
		assertThat(Canary.appearsIn(core.substring(0, 19), canary)).isFalse();
		assertThat(Canary.appearsIn("nothing to see here", canary)).isFalse();
	}

	@Test
	void encodesEveryBitOfTheRandomBytesOnce() {
		// reference: read the bits one at a time, most significant first
		Random random = new Random(7);
		String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
		for (int run = 0; run < 2000; run++) {
			byte[] bytes = new byte[Canary.RANDOM_BYTES];
			random.nextBytes(bytes);
			StringBuilder expected = new StringBuilder();
			for (int c = 0; c < 20; c++) {
				int value = 0;
				for (int b = c * 5; b < c * 5 + 5; b++) {
					value = (value << 1) | ((bytes[b / 8] >> (7 - b % 8)) & 1);
				}
				expected.append(alphabet.charAt(value));
			}
			assertThat(Canary.encode(bytes)).isEqualTo(expected.toString());
		}
		// every bit counts: flipping any one of the 100 changes the canary
		byte[] zeros = new byte[Canary.RANDOM_BYTES];
		Set<String> flipped = new HashSet<>();
		for (int b = 0; b < 100; b++) {
			byte[] bytes = zeros.clone();
			bytes[b / 8] ^= (byte) (0x80 >>> (b % 8));
			flipped.add(Canary.encode(bytes));
		}
		assertThat(flipped).hasSize(100).doesNotContain(Canary.encode(zeros));
	}

}
