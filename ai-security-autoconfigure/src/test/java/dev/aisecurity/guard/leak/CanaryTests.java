package dev.aisecurity.guard.leak;

import java.util.HashSet;
import java.util.Map;
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

}
