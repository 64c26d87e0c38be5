package dev.aisecurity.autoconfigure.vault;

import java.util.List;

import dev.aisecurity.vault.apikey.VaultApiKeyStore;
import dev.aisecurity.vault.apikey.VaultApiKeyStoreHealthIndicator;
import dev.aisecurity.vault.apikey.VaultApiKeyStoreMetrics;
import dev.aisecurity.vault.provider.ProviderKeyRefresher;
import dev.aisecurity.vault.provider.VaultProviderKeys;
import dev.aisecurity.vault.testsupport.FakeVaultServer;
import dev.aisecurity.vault.transit.EncryptingChatMemoryRepository;
import dev.aisecurity.vault.transit.TransitTextEncryptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.core.VaultTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class VaultSecurityAutoConfigurationTests {

	private final FakeVaultServer vault = FakeVaultServer.start("root-token");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VaultSecurityAutoConfiguration.class));

	@AfterEach
	void stop() {
		this.vault.close();
	}

	private ApplicationContextRunner withVault() {
		return this.runner
			.withBean(VaultOperations.class,
					() -> new VaultTemplate(VaultEndpoint.from(this.vault.uri()),
							new TokenAuthentication("root-token")))
			.withBean(ChatMemoryRepository.class, InMemoryChatMemoryRepository::new);
	}

	@Test
	void backsOffWithoutAVaultClient() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(TransitTextEncryptor.class)
			.doesNotHaveBean(VaultApiKeyStore.class)
			.doesNotHaveBean(VaultProviderKeys.class));
	}

	@Test
	void transitIsAlwaysAvailableOtherFeaturesAreOptIn() {
		withVault().run((context) -> {
			assertThat(context).hasSingleBean(TransitTextEncryptor.class)
				.doesNotHaveBean(VaultApiKeyStore.class)
				.doesNotHaveBean(VaultProviderKeys.class);
			assertThat(context.getBean(ChatMemoryRepository.class))
				.isNotInstanceOf(EncryptingChatMemoryRepository.class);
			assertThat(context.getBean(TransitTextEncryptor.class).keyName()).isEqualTo("ai-security");
		});
	}

	@Test
	void switchedOffEntirely() {
		withVault().withPropertyValues("ai.security.vault.enabled=false", "ai.security.vault.api-keys.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(TransitTextEncryptor.class)
				.doesNotHaveBean(VaultApiKeyStore.class));
	}

	@Test
	void everythingOn() {
		this.vault.putSecret("my-app", java.util.Map.of("spring.ai.openai.api-key", "sk-test-value"));
		withVault()
			.withPropertyValues("ai.security.vault.api-keys.enabled=true",
					"ai.security.vault.provider-keys.path=my-app", "ai.security.vault.transit.chat-memory.enabled=true",
					"ai.security.vault.transit.key-name=memory")
			.run((context) -> {
				assertThat(context).hasSingleBean(VaultApiKeyStore.class)
					.hasSingleBean(VaultApiKeyStoreHealthIndicator.class)
					.hasSingleBean(VaultApiKeyStoreMetrics.class)
					.hasSingleBean(VaultProviderKeys.class)
					.hasSingleBean(ProviderKeyRefresher.class);
				assertThat(context.getBean(VaultProviderKeys.class).version()).isEqualTo(1);
				ChatMemoryRepository repository = context.getBean(ChatMemoryRepository.class);
				assertThat(repository).isInstanceOf(EncryptingChatMemoryRepository.class);
				repository.saveAll("c", List.of(new UserMessage("secret prompt")));
				assertThat(((EncryptingChatMemoryRepository) repository).getDelegate()
					.findByConversationId("c")
					.get(0)
					.getText()).startsWith("vault:v1:");
				assertThat(this.vault.requests()).contains("POST /v1/transit/encrypt/memory");
			});
	}

}
