package dev.aisecurity.web.apikey;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryApiKeyStoreTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void hashIsSha256InStoredForm() {
		// SHA-256("abc") from FIPS 180-2
		assertThat(ApiKeyHash.of("abc"))
			.hasToString("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(ApiKeyHash.parse(ApiKeyHash.of("abc").toString())).isEqualTo(ApiKeyHash.of("abc"));
		assertThat(ApiKeyHash.of("abc").fingerprint()).isEqualTo("ba7816bf");
	}

	@Test
	void parseRejectsPlaintextWithoutEchoingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyHash.parse("demo-free-key"))
			.withMessageNotContaining("demo-free-key");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyHash.parse("sha256:" + "zz".repeat(32)));
	}

	@Test
	void findsByHashAndReportsInactiveKeys() {
		ApiKeyRecord alice = ApiKeyRecord.builder("alice-1", "alice", ApiKeyHash.of("k1")).roles("USER").build();
		ApiKeyRecord old = ApiKeyRecord.builder("alice-0", "alice", ApiKeyHash.of("k0"))
			.expiresAt(Instant.parse("2025-01-01T00:00:00Z"))
			.build();
		InMemoryApiKeyStore store = new InMemoryApiKeyStore(List.of(alice, old), CLOCK);
		assertThat(store.findByHash(ApiKeyHash.of("k1"))).contains(alice);
		assertThat(store.findByHash(ApiKeyHash.of("k0"))).hasValueSatisfying((r) -> {
			assertThat(r.isActive(CLOCK.instant())).isFalse();
		});
		assertThat(store.findByHash(ApiKeyHash.of("k2"))).isEmpty();
	}

	@Test
	void allowsTwoActiveKeysPerPrincipalForRotationButNotThree() {
		ApiKeyRecord k1 = ApiKeyRecord.builder("a-1", "alice", ApiKeyHash.of("k1")).build();
		ApiKeyRecord k2 = ApiKeyRecord.builder("a-2", "alice", ApiKeyHash.of("k2")).build();
		ApiKeyRecord k3 = ApiKeyRecord.builder("a-3", "alice", ApiKeyHash.of("k3")).build();
		ApiKeyRecord k3disabled = ApiKeyRecord.builder("a-3", "alice", ApiKeyHash.of("k3")).enabled(false).build();
		assertThat(new InMemoryApiKeyStore(List.of(k1, k2, k3disabled), CLOCK).size()).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryApiKeyStore(List.of(k1, k2, k3), CLOCK))
			.withMessageContaining("more than 2 active");
	}

	@Test
	void rejectsDuplicateIdsAndHashes() {
		ApiKeyRecord k1 = ApiKeyRecord.builder("a-1", "alice", ApiKeyHash.of("k1")).build();
		ApiKeyRecord sameId = ApiKeyRecord.builder("a-1", "bob", ApiKeyHash.of("k2")).build();
		ApiKeyRecord sameHash = ApiKeyRecord.builder("b-1", "bob", ApiKeyHash.of("k1")).build();
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryApiKeyStore(List.of(k1, sameId), CLOCK));
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryApiKeyStore(List.of(k1, sameHash), CLOCK));
	}

	@Test
	void generatedKeysAreLongAndDistinct() {
		String a = ApiKeyHashTool.generateKey("ais_");
		String b = ApiKeyHashTool.generateKey("ais_");
		assertThat(a).startsWith("ais_").hasSizeGreaterThanOrEqualTo(4 + 43).isNotEqualTo(b);
	}

}
