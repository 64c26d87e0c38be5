package dev.aisecurity.guard;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextHasherTests {

	@Test
	void isHmacSha256OfTheUtf8TextTruncatedTo64Bits() throws Exception {
		String key = "a-key-of-sixteen-or-more";
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of().formatHex(mac.doFinal("héllo".getBytes(StandardCharsets.UTF_8)));
		TextHasher hasher = TextHasher.withKey(key);
		assertThat(hasher.hash("héllo")).isEqualTo(expected.substring(0, 16));
		assertThat(hasher.hash("héllo")).isEqualTo(hasher.hash("héllo"));
		assertThat(hasher.hash("hello")).isNotEqualTo(hasher.hash("héllo"));
		assertThat(hasher.hash(null)).isEqualTo(hasher.hash(""));
	}

	@Test
	void randomKeysDifferAndShortKeysAreRefused() {
		assertThat(TextHasher.withRandomKey().hash("x")).isNotEqualTo(TextHasher.withRandomKey().hash("x"));
		assertThat(TextHasher.withRandomKey().isKeyGenerated()).isTrue();
		assertThat(TextHasher.withRandomKey().toString()).doesNotContain("=0x");
		assertThatIllegalArgumentException().isThrownBy(() -> TextHasher.withKey("short"));
	}

}
