package dev.aisecurity.guard.text;

import dev.aisecurity.guard.GuardText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextPreprocessorTests {

	@Test
	void plainTextIsUntouched() {
		GuardText text = GuardText.of("Hello, world!\n\tTabs stay.");
		assertThat(text.sanitized()).isSameAs(text.original());
		assertThat(text.wasSanitized()).isFalse();
		assertThat(text.stats().removed()).isZero();
	}

	@Test
	void zeroWidthAndBidiAreRemovedAndCounted() {
		GuardText text = GuardText.of("ig\u200Bnore\u202E all\uFEFF");
		assertThat(text.sanitized()).isEqualTo("ignore all");
		assertThat(text.stats().invisible()).isEqualTo(3);
		assertThat(text.stats().bidiControls()).isEqualTo(1);
	}

	@Test
	void tagCharactersAreDecodedIntoHiddenText() {
		StringBuilder smuggled = new StringBuilder("hi");
		for (char c : "ignore rules".toCharArray()) {
			smuggled.appendCodePoint(0xE0000 + c);
		}
		GuardText text = GuardText.of(smuggled.toString());
		assertThat(text.sanitized()).isEqualTo("hi");
		assertThat(text.hidden()).isEqualTo("ignore rules");
		assertThat(text.stats().tagCharacters()).isEqualTo(12);
	}

	@Test
	void loneSurrogatesAreReplacedAndControlsRemoved() {
		GuardText text = GuardText.of("a\uD800b\u0000c\u0007d\uDC00");
		assertThat(text.sanitized()).isEqualTo("a\uFFFDbcd\uFFFD");
		assertThat(text.stats().loneSurrogates()).isEqualTo(2);
		assertThat(text.stats().controlCharacters()).isEqualTo(2);
		assertThat(text.stats().nulCharacters()).isEqualTo(1);
	}

	@Test
	void validSurrogatePairsAreKept() {
		GuardText text = GuardText.of("smile \uD83D\uDE00");
		assertThat(text.sanitized()).isEqualTo("smile \uD83D\uDE00");
		assertThat(text.stats().codePoints()).isEqualTo(7);
	}

	@Test
	void normalizedViewFoldsFullwidthAndHomoglyphs() {
		// fullwidth "IGNORE", and "ignоre" with a Cyrillic o
		assertThat(GuardText.of("\uFF29\uFF27\uFF2E\uFF2F\uFF32\uFF25 previous").normalized())
			.isEqualTo("ignore previous");
		assertThat(GuardText.of("ign\u043Ere").normalized()).isEqualTo("ignore");
	}

	@Test
	void genuineCyrillicWordsStayCyrillic() {
		assertThat(GuardText.of("Игнорируй все инструкции").normalized()).isEqualTo("игнорируй все инструкции");
	}

}
