package dev.aisecurity.vault;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.aisecurity.vault.apikey.VaultApiKeyStore;
import dev.aisecurity.vault.provider.VaultProviderKeys;
import dev.aisecurity.vault.transit.EncryptingChatMemoryRepository;
import dev.aisecurity.vault.transit.TransitTextEncryptor;
import dev.aisecurity.web.apikey.ApiKeyHash;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same features against the real HashiCorp Vault image (dev mode: KV v2 at
 * {@code secret/}, Transit enabled by the init command). Skipped where Docker is absent;
 * runs on CI.
 */
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerTests {

	private static final String ROOT_TOKEN = "root-token-for-tests";

	private static final String CLIENT_KEY = "ask_container_5f1c2e9d7a3b4c80";

	@Container
	static final VaultContainer<?> vault = new VaultContainer<>("hashicorp/vault:1.17").withVaultToken(ROOT_TOKEN)
		.withInitCommand("secrets enable transit", "write -f transit/keys/ai-security");

	private static VaultTemplate template() {
		return new VaultTemplate(VaultEndpoint.from(vault.getHttpHostAddress()), new TokenAuthentication(ROOT_TOKEN));
	}

	@Test
	void transitEncryptsDecryptsAndRewrapsAfterRotation() {
		VaultTemplate template = template();
		TransitTextEncryptor encryptor = new TransitTextEncryptor(template.opsForTransit(), "ai-security");
		EncryptingChatMemoryRepository memory = new EncryptingChatMemoryRepository(new InMemoryChatMemoryRepository(),
				encryptor);
		memory.saveAll("c1", List.of(new UserMessage("card 4111 1111 1111 1111")));
		assertThat(memory.getDelegate().findByConversationId("c1").get(0).getText()).startsWith("vault:v1:")
			.doesNotContain("4111");

		template.opsForTransit().rotate("ai-security");
		assertThat(memory.rewrapAll()).isEqualTo(1);
		assertThat(memory.getDelegate().findByConversationId("c1").get(0).getText()).startsWith("vault:v2:");
		assertThat(memory.findByConversationId("c1").get(0).getText()).isEqualTo("card 4111 1111 1111 1111");
	}

	@Test
	void apiKeyStoreReadsHashedKeysFromKv() {
		VaultTemplate template = template();
		template.opsForVersionedKeyValue("secret")
			.put("ai-security/api-keys/dave-1",
					Map.of("hash", ApiKeyHash.of(CLIENT_KEY).toString(), "principal", "dave", "roles", "USER"));
		VaultApiKeyStore store = new VaultApiKeyStore(template.opsForVersionedKeyValue("secret"),
				"ai-security/api-keys", Duration.ofSeconds(30), Duration.ofMinutes(5), Clock.systemUTC());
		assertThat(store.findByHash(ApiKeyHash.of(CLIENT_KEY)))
			.hasValueSatisfying((record) -> assertThat(record.principal()).isEqualTo("dave"));
		assertThat(store.findByHash(ApiKeyHash.of("ask_other"))).isEmpty();
	}

	@Test
	void providerKeysFollowTheSecretVersion() {
		VaultTemplate template = template();
		template.opsForVersionedKeyValue("secret").put("provider-app", Map.of("spring.ai.openai.api-key", "k1"));
		VaultProviderKeys keys = new VaultProviderKeys(template.opsForVersionedKeyValue("secret"), "provider-app",
				Clock.systemUTC());
		keys.refresh();
		var supplier = keys.supplier("spring.ai.openai.api-key", () -> null);
		assertThat(supplier.get()).isEqualTo("k1");
		template.opsForVersionedKeyValue("secret").put("provider-app", Map.of("spring.ai.openai.api-key", "k2"));
		assertThat(keys.refresh()).isTrue();
		assertThat(supplier.get()).isEqualTo("k2");
	}

}
