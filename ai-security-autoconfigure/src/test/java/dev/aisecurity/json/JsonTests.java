package dev.aisecurity.json;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonTests {

	@Test
	void canonicalFormSortsKeysAndDropsWhitespace() {
		Object parsed = parse("{ \"b\" : [1, 2.5, true, null], \"a\": \"x\\u00e9\\n\" }");
		assertThat(new String(Json.canonical(parsed), StandardCharsets.UTF_8))
			.isEqualTo("{\"a\":\"x\u00e9\\n\",\"b\":[1,2.5,true,null]}");
		assertThat(Json.canonical(parse(new String(Json.pretty(parsed), StandardCharsets.UTF_8))))
			.isEqualTo(Json.canonical(parsed));
	}

	@Test
	void rejectsMalformedInput() {
		for (String bad : new String[] { "", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{\"a\":01}", "\"\u0001\"",
				"{\"a\":1,\"a\":2}", "{a:1}", "tru", "\"\\x\"", "1e99999" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> parse(bad));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> parse("[".repeat(100) + "]".repeat(100)))
			.withMessageContaining("nesting");
		assertThatIllegalArgumentException().isThrownBy(() -> Json.parse(new byte[] { '"', (byte) 0xC3, '"' }))
			.withMessageContaining("UTF-8");
	}

	@Test
	void randomBytesNeverEscapeAsAnythingButIllegalArgument() {
		Random random = new Random(7);
		for (int i = 0; i < 5000; i++) {
			byte[] bytes = new byte[random.nextInt(40)];
			random.nextBytes(bytes);
			if (random.nextBoolean() && bytes.length > 0) {
				bytes[0] = (byte) "{[\"-1tfn".charAt(random.nextInt(8));
			}
			try {
				Json.parse(bytes);
			}
			catch (IllegalArgumentException expected) {
				// the only allowed failure
			}
		}
		assertThat(Json.parse("{\"ok\":[]}".getBytes(StandardCharsets.UTF_8))).isNotNull();
	}

	private static Object parse(String json) {
		return Json.parse(json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void logLinesKeepOrderEscapeSeparatorsAndNeverBreakTheLine() {
		java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
		record.put("z", "line\u2028break\nand\u0085next");
		record.put("a", Double.NaN);
		record.put("list", java.util.Set.of(7L));
		record.put("other", java.time.Duration.ofSeconds(2));
		StringBuilder out = new StringBuilder();
		Json.line(out, record);
		assertThat(out.toString())
			.isEqualTo("{\"z\":\"line\\u2028break\\nand\\u0085next\",\"a\":null,\"list\":[7],\"other\":\"PT2S\"}");
		// the canonical form escapes only what JSON requires: signed bytes stay as they
		// were
		assertThat(
				new String(Json.canonical(java.util.Map.of("k", "a\u2028b")), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("{\"k\":\"a\u2028b\"}");
	}

}
