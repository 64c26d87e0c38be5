package dev.aisecurity.guard.injection;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role-marker scan, which tries only the markers and labels a character can begin,
 * scores what a plain search for every marker and every label gives, in the same order.
 */
class RoleMarkersTests {

	@Test
	void scanEqualsAPlainSearchOfEveryMarkerAndLabel() {
		RoleMarkers roles = RoleMarkers.DEFAULT;
		String[] pieces = { "system:", "System: ", "sys:", "user:", "human:", "ai:", "model:", "assistant:",
				"developer:", "root:", "answer:", "instructions:", "<|im_start|>", "[INST]", "### instruction", "</s>",
				"(system)", "<system>", "[system]:", "[end of", "<|", "{{system}}", "\n", "\n", "\n\n", " ", "  - ",
				"# ", "> ", "* ", "\t", "hello", "world", "système:", "用户:", "x", "s", "a", "{", "<", "[", "(", "#" };
		PhraseAnalyzer analyzer = new PhraseAnalyzer(InjectionLexicon.DEFAULT);
		Random random = new Random(0x501E5L);
		int scored = 0;
		for (int round = 0; round < 3000; round++) {
			String normalized = SanitizedProfileTests.join(random, pieces, 14).toLowerCase(Locale.ROOT);
			double expected = plainScore(roles, normalized);
			scored += (expected > 0) ? 1 : 0;
			assertThat(roles.score(normalized)).as("case %d: %s", round, normalized).isEqualTo(expected);
			assertThat(analyzer.analyze(normalized, true, true).roles).as("case %d: %s", round, normalized)
				.isEqualTo(expected);
			AsciiText ascii = AsciiText.of(normalized);
			if (ascii != null) {
				assertThat(analyzer.analyze(ascii, true, true).roles).as("case %d: %s", round, normalized)
					.isEqualTo(expected);
			}
		}
		assertThat(scored).isGreaterThan(1000);
	}

	/**
	 * Noisy-OR of the weights of the distinct markers (anywhere) and labels (at line
	 * starts) in the order they are first found.
	 */
	private static double plainScore(RoleMarkers roles, String text) {
		double miss = 1;
		Set<Integer> seenLabels = new HashSet<>();
		Set<Integer> seenMarkers = new HashSet<>();
		boolean lineStart = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (lineStart && " \t#*>-".indexOf(c) < 0) {
				lineStart = false;
				for (int k = 0; k < roles.labels.size(); k++) {
					if (text.startsWith(roles.labels.get(k), i) && seenLabels.add(k)) {
						miss *= 1 - roles.labelWeights.get(k);
					}
				}
			}
			if (c == '\n') {
				lineStart = true;
				continue;
			}
			for (int k = 0; k < roles.markers.size(); k++) {
				if (text.startsWith(roles.markers.get(k), i) && seenMarkers.add(k)) {
					miss *= 1 - roles.markerWeights.get(k);
				}
			}
		}
		return 1 - miss;
	}

}
