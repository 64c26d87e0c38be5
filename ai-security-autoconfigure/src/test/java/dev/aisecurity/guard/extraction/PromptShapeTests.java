package dev.aisecurity.guard.extraction;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompt shapes are keyed: comparable under one key, unrelated under another.
 */
class PromptShapeTests {

	private static final ShapeKey KEY = ShapeKey.of("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	@Test
	void sipHashMatchesTheReferenceVector() {
		// SipHash-2-4 reference vector: key 00..0f, message 00..07
		long k0 = 0x0706050403020100L;
		long k1 = 0x0f0e0d0c0b0a0908L;
		assertThat(SipHash.hash(k0, k1, 0x0706050403020100L)).isEqualTo(0x93f5f5799a932462L);
	}

	@Test
	void sameKeyGivesComparableShapes() {
		PromptShape a = PromptShape.of("Translate into French: my car needs a new tyre before 1999.", KEY);
		PromptShape b = PromptShape.of("Translate into French: my dog needs a new bed before 2024.", KEY);
		assertThat(a.sameTemplateAs(b, 0.6)).isTrue();
		assertThat(PromptShape.of("Translate into French: my car needs a new tyre before 1999.", KEY).tokens())
			.isEqualTo(a.tokens());
	}

	@Test
	void wordHashesDependOnTheKey() {
		ShapeKey other = ShapeKey.of("fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
		PromptShape a = PromptShape.of("what is my account balance", KEY);
		PromptShape b = PromptShape.of("what is my account balance", other);
		assertThat(a.tokens()).hasSize(5);
		for (int i = 0; i < 5; i++) {
			assertThat(a.tokens()[i]).isNotEqualTo(b.tokens()[i]);
		}
		assertThat(a.sameTemplateAs(b, 0.6)).isFalse();
		assertThat(a.simHash()).isNotEqualTo(b.simHash());
	}

	@Test
	void restoredShapeEqualsTheOriginal() {
		PromptShape a = PromptShape.of("Give the category of product 42 with price 7 and colour red.", KEY);
		PromptShape restored = PromptShape.restore(a.tokens(), a.simHash());
		assertThat(restored.tokens()).isEqualTo(a.tokens());
		assertThat(restored.nearDuplicateOf(a, 0)).isTrue();
	}

	@Test
	void keyMaterialIsNotPrinted() {
		assertThat(KEY.toString()).doesNotContain("0123");
	}

}
