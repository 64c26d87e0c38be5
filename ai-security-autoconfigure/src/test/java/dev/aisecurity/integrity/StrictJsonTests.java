package dev.aisecurity.integrity;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StrictJsonTests {

	@Test
	void canonicalFormSortsKeysAndDropsWhitespace() {
		Object parsed = parse("{ \"b\" : [1, 2.5, true, null], \"a\": \"x\\u00e9\\n\" }");
		assertThat(new String(StrictJson.canonical(parsed), StandardCharsets.UTF_8))
			.isEqualTo("{\"a\":\"x\u00e9\\n\",\"b\":[1,2.5,true,null]}");
		assertThat(StrictJson.canonical(parse(new String(StrictJson.pretty(parsed), StandardCharsets.UTF_8))))
			.isEqualTo(StrictJson.canonical(parsed));
	}

	@Test
	void rejectsMalformedInput() {
		for (String bad : new String[] { "", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{\"a\":01}", "\"\u0001\"",
				"{\"a\":1,\"a\":2}", "{a:1}", "tru", "\"\\x\"", "1e99999" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> parse(bad));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> parse("[".repeat(100) + "]".repeat(100)))
			.withMessageContaining("nesting");
		assertThatIllegalArgumentException().isThrownBy(() -> StrictJson.parse(new byte[] { '"', (byte) 0xC3, '"' }))
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
				StrictJson.parse(bytes);
			}
			catch (IllegalArgumentException expected) {
				// the only allowed failure
			}
		}
		assertThat(StrictJson.parse("{\"ok\":[]}".getBytes(StandardCharsets.UTF_8))).isNotNull();
	}

	private static Object parse(String json) {
		return StrictJson.parse(json.getBytes(StandardCharsets.UTF_8));
	}

}
