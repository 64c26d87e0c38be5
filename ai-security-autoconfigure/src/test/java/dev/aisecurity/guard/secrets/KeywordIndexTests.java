package dev.aisecurity.guard.secrets;

import java.util.ArrayList;
import java.util.List;

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

}
