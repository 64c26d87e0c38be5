package dev.aisecurity.autoconfigure.vault;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Vault integration of the AI security starter: model-provider keys with rotation, the
 * Vault-backed API-key store and Transit encryption at rest. The Vault connection and
 * authentication (token, AppRole, Kubernetes) are Spring Cloud Vault's
 * {@code spring.cloud.vault.*} properties.
 */
@ConfigurationProperties("ai.security.vault")
public class VaultSecurityProperties {

	/**
	 * Whether the Vault integration is enabled when a Spring Vault
	 * {@code VaultOperations} bean exists.
	 */
	private boolean enabled = true;

	/**
	 * Mount path of the KV version 2 secrets engine holding provider keys and API keys.
	 */
	private String kvMount = "secret";

	private final ProviderKeys providerKeys = new ProviderKeys();

	private final ApiKeys apiKeys = new ApiKeys();

	private final Transit transit = new Transit();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getKvMount() {
		return this.kvMount;
	}

	public void setKvMount(String kvMount) {
		this.kvMount = kvMount;
	}

	public ProviderKeys getProviderKeys() {
		return this.providerKeys;
	}

	public ApiKeys getApiKeys() {
		return this.apiKeys;
	}

	public Transit getTransit() {
		return this.transit;
	}

	/**
	 * Model-provider keys read from one KV secret and re-read so that a rotation reaches
	 * the next model call without a restart.
	 */
	public static class ProviderKeys {

		/**
		 * Path of the KV secret holding the provider keys, below the KV mount (for
		 * example the application name, the same secret
		 * {@code spring.config.import=vault://} reads). Rotation support is off while
		 * this is not set.
		 */
		private String path;

		/**
		 * Field of the secret holding the OpenAI API key, which the OpenAI clients read
		 * on every request.
		 */
		private String openAiField = "spring.ai.openai.api-key";

		/**
		 * How often the secret is re-read: the longest time the previous key stays in use
		 * after a rotation.
		 */
		private Duration refreshInterval = Duration.ofSeconds(60);

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public String getOpenAiField() {
			return this.openAiField;
		}

		public void setOpenAiField(String openAiField) {
			this.openAiField = openAiField;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

	}

	/**
	 * Client API keys stored in Vault: one KV secret per key, holding the key's hash and
	 * its metadata.
	 */
	public static class ApiKeys {

		/**
		 * Whether client API keys are looked up in Vault.
		 */
		private boolean enabled;

		/**
		 * Path below the KV mount under which each API key is one secret.
		 */
		private String path = "ai-security/api-keys";

		/**
		 * How long a successful read of all keys is used before Vault is asked again.
		 */
		private Duration cacheTtl = Duration.ofSeconds(60);

		/**
		 * How long the last good keys keep being served while Vault is unreachable; after
		 * that every API key is refused (fail closed).
		 */
		private Duration maxStaleness = Duration.ofMinutes(15);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getMaxStaleness() {
			return this.maxStaleness;
		}

		public void setMaxStaleness(Duration maxStaleness) {
			this.maxStaleness = maxStaleness;
		}

	}

	/**
	 * Encryption at rest with the Transit secrets engine.
	 */
	public static class Transit {

		/**
		 * Mount path of the Transit secrets engine.
		 */
		private String mount = "transit";

		/**
		 * Name of the Transit key used to encrypt stored text.
		 */
		private String keyName = "ai-security";

		private final ChatMemory chatMemory = new ChatMemory();

		public String getMount() {
			return this.mount;
		}

		public void setMount(String mount) {
			this.mount = mount;
		}

		public String getKeyName() {
			return this.keyName;
		}

		public void setKeyName(String keyName) {
			this.keyName = keyName;
		}

		public ChatMemory getChatMemory() {
			return this.chatMemory;
		}

		/**
		 * Encryption of Spring AI conversation memory.
		 */
		public static class ChatMemory {

			/**
			 * Whether every {@code ChatMemoryRepository} bean is wrapped so that message
			 * text is stored as Transit ciphertext.
			 */
			private boolean enabled;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

}
