package dev.aisecurity.autoconfigure.vault;

import java.time.Clock;
import java.util.function.Supplier;

import dev.aisecurity.vault.apikey.VaultApiKeyStore;
import dev.aisecurity.vault.apikey.VaultApiKeyStoreHealthIndicator;
import dev.aisecurity.vault.apikey.VaultApiKeyStoreMetrics;
import dev.aisecurity.vault.provider.OpenAiRotatingCredentialPostProcessor;
import dev.aisecurity.vault.provider.ProviderKeyRefresher;
import dev.aisecurity.vault.provider.VaultProviderKeys;
import dev.aisecurity.vault.transit.EncryptingChatMemoryRepository;
import dev.aisecurity.vault.transit.TransitTextEncryptor;

import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.vault.core.VaultOperations;

/**
 * Auto-configuration of the Vault integration: rotating model-provider keys, the
 * Vault-backed API-key store ({@link VaultApiKeyStore}), Transit encryption
 * ({@link TransitTextEncryptor}) and encrypted conversation memory. Active when Spring
 * Vault is on the class path and a {@link VaultOperations} bean exists (Spring Cloud
 * Vault creates one from {@code spring.cloud.vault.*}).
 */
// Before the web security auto-configuration, whose in-memory ApiKeyStore backs off when
// a store exists
@AutoConfiguration(afterName = "org.springframework.cloud.vault.config.VaultAutoConfiguration",
		beforeName = "dev.aisecurity.autoconfigure.security.AiWebSecurityAutoConfiguration")
@ConditionalOnClass(VaultOperations.class)
@ConditionalOnBean(VaultOperations.class)
@ConditionalOnBooleanProperty(name = "ai.security.vault.enabled", matchIfMissing = true)
@EnableConfigurationProperties(VaultSecurityProperties.class)
public final class VaultSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TransitTextEncryptor transitTextEncryptor(VaultOperations vault, VaultSecurityProperties properties) {
		VaultSecurityProperties.Transit transit = properties.getTransit();
		return new TransitTextEncryptor(vault.opsForTransit(transit.getMount()), transit.getKeyName());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ai.security.vault.provider-keys.path")
	static class ProviderKeysConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VaultProviderKeys vaultProviderKeys(VaultOperations vault, VaultSecurityProperties properties) {
			VaultProviderKeys keys = new VaultProviderKeys(vault.opsForVersionedKeyValue(properties.getKvMount()),
					properties.getProviderKeys().getPath(), Clock.systemUTC());
			keys.refresh();
			return keys;
		}

		@Bean
		@ConditionalOnMissingBean
		ProviderKeyRefresher providerKeyRefresher(VaultProviderKeys keys, VaultSecurityProperties properties) {
			return new ProviderKeyRefresher(keys, properties.getProviderKeys().getRefreshInterval());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.ai.model.openai.autoconfigure.AbstractOpenAiProperties",
				"com.openai.credential.BearerTokenCredential" })
		static class OpenAiConfiguration {

			// Static and lazy: a post processor must not pull Vault beans in early.
			@Bean
			static OpenAiRotatingCredentialPostProcessor openAiRotatingCredentialPostProcessor(
					ObjectProvider<VaultProviderKeys> keys, Environment environment) {
				String field = environment.getProperty("ai.security.vault.provider-keys.open-ai-field",
						"spring.ai.openai.api-key");
				SingletonSupplier<Supplier<String>> apiKey = SingletonSupplier
					.of(() -> keys.getObject().supplier(field, () -> environment.getProperty(field)));
				return new OpenAiRotatingCredentialPostProcessor(() -> apiKey.obtain().get());
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("ai.security.vault.api-keys.enabled")
	static class ApiKeyStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(VaultApiKeyStore.class)
		VaultApiKeyStore vaultApiKeyStore(VaultOperations vault, VaultSecurityProperties properties) {
			VaultSecurityProperties.ApiKeys apiKeys = properties.getApiKeys();
			VaultApiKeyStore store = new VaultApiKeyStore(vault.opsForVersionedKeyValue(properties.getKvMount()),
					apiKeys.getPath(), apiKeys.getCacheTtl(), apiKeys.getMaxStaleness(), Clock.systemUTC());
			store.refresh(); // load eagerly; a failure leaves the store failed closed
								// until Vault answers
			return store;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
		static class MetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			VaultApiKeyStoreMetrics vaultApiKeyStoreMetrics(VaultApiKeyStore store) {
				return new VaultApiKeyStoreMetrics(store);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
		@ConditionalOnEnabledHealthIndicator("vaultApiKeys")
		static class HealthConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "vaultApiKeysHealthIndicator")
			VaultApiKeyStoreHealthIndicator vaultApiKeysHealthIndicator(VaultApiKeyStore store) {
				return new VaultApiKeyStoreHealthIndicator(store);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatMemoryRepository.class)
	@ConditionalOnBooleanProperty("ai.security.vault.transit.chat-memory.enabled")
	static class ChatMemoryEncryptionConfiguration {

		@Bean
		static BeanPostProcessor encryptingChatMemoryRepositoryPostProcessor(
				ObjectProvider<TransitTextEncryptor> encryptor) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof ChatMemoryRepository repository
							&& !(bean instanceof EncryptingChatMemoryRepository)) {
						return new EncryptingChatMemoryRepository(repository, encryptor.getObject());
					}
					return bean;
				}

			};
		}

	}

}
