package dev.aisecurity.vault.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.aisecurity.vault.testsupport.FakeVaultServer;
import dev.aisecurity.vault.testsupport.MutableClock;
import dev.aisecurity.web.apikey.ApiKeyHash;
import dev.aisecurity.web.apikey.ApiKeyRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class VaultApiKeyStoreTests {

	private static final String ALICE_KEY = "ask_alice_0b7c1f0e4d2a49c3a1e5";

	private static final String BOB_KEY = "ask_bob_9f3e2d1c0b4a48e7b6d5";

	private final FakeVaultServer vault = FakeVaultServer.start("root-token");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private VaultApiKeyStore store;

	@BeforeEach
	void setUp() {
		this.vault.putSecret("ai-security/api-keys/alice-1",
				Map.of("hash", ApiKeyHash.of(ALICE_KEY).toString(), "principal", "alice", "roles",
						List.of("USER", "ADMIN"), "tier", "pro", "expires-at", "2027-01-01T00:00:00Z"));
		this.vault.putSecret("ai-security/api-keys/bob-1", Map.of("hash", ApiKeyHash.of(BOB_KEY).toString(),
				"principal", "bob", "roles", "USER", "enabled", "false"));
		this.store = new VaultApiKeyStore(
				new VaultTemplate(VaultEndpoint.from(this.vault.uri()), new TokenAuthentication("root-token"))
					.opsForVersionedKeyValue("secret"),
				"ai-security/api-keys", Duration.ofSeconds(60), Duration.ofMinutes(10), this.clock);
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void findsKeysByHashWithTheirMetadata() {
		ApiKeyRecord alice = this.store.findByHash(ApiKeyHash.of(ALICE_KEY)).orElseThrow();
		assertThat(alice.keyId()).isEqualTo("alice-1");
		assertThat(alice.principal()).isEqualTo("alice");
		assertThat(alice.roles()).containsExactlyInAnyOrder("USER", "ADMIN");
		assertThat(alice.tier()).isEqualTo("pro");
		assertThat(alice.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
		assertThat(alice.isActive(this.clock.instant())).isTrue();

		ApiKeyRecord bob = this.store.findByHash(ApiKeyHash.of(BOB_KEY)).orElseThrow();
		assertThat(bob.enabled()).isFalse();
		assertThat(this.store.findByHash(ApiKeyHash.of("ask_unknown"))).isEmpty();
		assertThat(this.store.state()).isEqualTo(VaultApiKeyStore.State.FRESH);
	}

	@Test
	void cachesForTheTtlThenRereads() {
		this.store.findByHash(ApiKeyHash.of(ALICE_KEY));
		long listCalls = this.vault.requestCount("/v1/secret/metadata/ai-security/api-keys");
		this.clock.advance(Duration.ofSeconds(30));
		this.store.findByHash(ApiKeyHash.of(ALICE_KEY));
		this.store.findByHash(ApiKeyHash.of(BOB_KEY));
		assertThat(this.vault.requestCount("/v1/secret/metadata/ai-security/api-keys")).isEqualTo(listCalls);

		String carolKey = "ask_carol_5e4d3c2b1a0f";
		this.vault.putSecret("ai-security/api-keys/carol-1",
				Map.of("hash", ApiKeyHash.of(carolKey).toString(), "principal", "carol"));
		assertThat(this.store.findByHash(ApiKeyHash.of(carolKey))).isEmpty(); // still
																				// cached
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.store.findByHash(ApiKeyHash.of(carolKey))).isPresent();
		assertThat(this.vault.requestCount("/v1/secret/metadata/ai-security/api-keys")).isEqualTo(listCalls + 1);
	}

	@Test
	void outageServesTheCacheUpToTheStalenessThenFailsClosedAndRecovers() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		new VaultApiKeyStoreMetrics(this.store).bindTo(meters);
		VaultApiKeyStoreHealthIndicator health = new VaultApiKeyStoreHealthIndicator(this.store);
		assertThat(this.store.findByHash(ApiKeyHash.of(ALICE_KEY))).isPresent();

		this.vault.setSealed(true);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.store.findByHash(ApiKeyHash.of(ALICE_KEY))).isPresent();
		assertThat(this.store.state()).isEqualTo(VaultApiKeyStore.State.STALE);
		assertThat(meters.get("ai.security.vault.api-keys.state").gauge().value()).isEqualTo(1.0);
		Health stale = health.health(true);
		assertThat(stale.getStatus()).isEqualTo(Status.UP);
		assertThat(stale.getDetails()).containsEntry("state", "STALE").containsEntry("lastError", "VaultException");

		this.clock.advance(Duration.ofMinutes(9)); // 11 minutes since the last good read
		assertThat(this.store.findByHash(ApiKeyHash.of(ALICE_KEY))).isEmpty();
		assertThat(this.store.state()).isEqualTo(VaultApiKeyStore.State.FAILED_CLOSED);
		assertThat(meters.get("ai.security.vault.api-keys.state").gauge().value()).isEqualTo(2.0);
		assertThat(meters.get("ai.security.vault.api-keys.refresh.failures").functionCounter().count())
			.isGreaterThanOrEqualTo(2.0);
		assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);

		this.vault.setSealed(false);
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.store.findByHash(ApiKeyHash.of(ALICE_KEY))).isPresent();
		assertThat(this.store.state()).isEqualTo(VaultApiKeyStore.State.FRESH);
		assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(meters.get("ai.security.vault.api-keys.state").gauge().value()).isEqualTo(0.0);
	}

	@Test
	void anOutageDoesNotTurnEveryLookupIntoAVaultCall() {
		this.store.findByHash(ApiKeyHash.of(ALICE_KEY));
		this.vault.setSealed(true);
		this.clock.advance(Duration.ofMinutes(2));
		this.vault.clearRequests();
		for (int i = 0; i < 20; i++) {
			this.store.findByHash(ApiKeyHash.of(ALICE_KEY));
		}
		assertThat(this.vault.requests()).hasSize(1);
	}

	@Test
	void vaultUnreachableAtStartFailsClosed() {
		this.vault.setSealed(true);
		assertThat(this.store.refresh()).isFalse();
		assertThat(this.store.findByHash(ApiKeyHash.of(ALICE_KEY))).isEmpty();
		assertThat(this.store.state()).isEqualTo(VaultApiKeyStore.State.FAILED_CLOSED);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anInvalidEntryKeepsTheLastGoodKeysAndNeverLogsTheValue(CapturedOutput output) {
		assertThat(this.store.refresh()).isTrue();
		this.vault.putSecret("ai-security/api-keys/mallory",
				Map.of("hash", "ask_plaintext_key_by_mistake", "principal", "mallory"));
		assertThat(this.store.refresh()).isFalse();
		assertThat(this.store.lastError()).isEqualTo("IllegalArgumentException");
		assertThat(this.store.findByHash(ApiKeyHash.of(ALICE_KEY))).isPresent();
		assertThat(output).contains("Could not read API keys").doesNotContain("ask_plaintext_key_by_mistake");
	}

	@Test
	void badVaultTokenFailsClosed() {
		VaultApiKeyStore badToken = new VaultApiKeyStore(
				new VaultTemplate(VaultEndpoint.from(this.vault.uri()), new TokenAuthentication("wrong"))
					.opsForVersionedKeyValue("secret"),
				"ai-security/api-keys", Duration.ofSeconds(60), Duration.ofMinutes(10), this.clock);
		assertThat(badToken.findByHash(ApiKeyHash.of(ALICE_KEY))).isEmpty();
		assertThat(badToken.state()).isEqualTo(VaultApiKeyStore.State.FAILED_CLOSED);
	}

}
