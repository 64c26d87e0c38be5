package dev.aisecurity.vault.hardcoded;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretPropertyInspectorTests {

	private final SecretPropertyInspector inspector = new SecretPropertyInspector(new HardCodedSecretsProperties());

	@Test
	void secretLikeNamesWithLiteralValuesAreSecrets() {
		assertThat(this.inspector.reason("spring.ai.openai.api-key", "not-a-known-format")).isNotNull();
		assertThat(this.inspector.reason("spring.ai.openai.apiKey", "abc123")).isNotNull();
		assertThat(this.inspector.reason("spring.datasource.password", "postgres")).isNotNull();
		assertThat(this.inspector.reason("server.ssl.key-store-password", "changeit")).isNotNull();
		assertThat(this.inspector.reason("app.client-secret", "s3cr3t")).isNotNull();
		assertThat(this.inspector.reason("spring.cloud.vault.token", "root")).isNotNull();
		assertThat(this.inspector.reason("app.db-url", "postgres://u:p@db:5432/x")).isNull(); // ignored
																								// name
		assertThat(this.inspector.reason("app.secret-dsn", "postgres://u:p@db:5432/x")).isNotNull();
	}

	@Test
	void referencesSwitchesLocationsAndHashesAreNotSecrets() {
		assertThat(this.inspector.reason("spring.ai.openai.api-key", "${OPENAI_API_KEY}")).isNull();
		assertThat(this.inspector.reason("spring.ai.openai.api-key", "")).isNull();
		assertThat(this.inspector.reason("app.token-uri", "https://idp.example/token")).isNull();
		assertThat(this.inspector.reason("app.secret-store", "https://vault.example:8200")).isNull();
		assertThat(this.inspector.reason("app.token.enabled", "true")).isNull();
		assertThat(this.inspector.reason("app.token-budget", "5000")).isNull();
		assertThat(this.inspector.reason("app.token-refresh", "30s")).isNull();
		assertThat(this.inspector.reason("app.keys[0].secret-hash", "sha256:" + "ab".repeat(32))).isNull();
		assertThat(this.inspector.reason("app.password", "{cipher}AQB12")).isNull();
		assertThat(this.inspector.reason("spring.cloud.vault.kubernetes.service-account-token-file",
				"/var/run/secrets/kubernetes.io/serviceaccount/token"))
			.isNull();
		assertThat(this.inspector.reason("ai.security.secrets.secret-properties[0]", "*secret*")).isNull();
		assertThat(this.inspector.reason("spring.application.name", "demo")).isNull();
	}

	@Test
	void valuesMatchingTheSharedSecretRulesAreSecretsWhateverTheName() {
		String openAiKey = "sk-proj-Zq4Xb7Lm2Np9Rs3Tv6Wy8Ac1De5Fg0HjKkMoPqRsTuVwXyZ1a2B";
		assertThat(this.inspector.reason("app.greeting", openAiKey))
			.isEqualTo("value matches secret rule OPENAI_API_KEY");
		assertThat(this.inspector.reason("spring.ai.openai.api-key", openAiKey))
			.isEqualTo("secret-like property name; value matches secret rule OPENAI_API_KEY");
		assertThat(this.inspector.reason("cloud.id", "AKIAQ3EGUNBZXQW7LMRT")).startsWith("value matches secret rule");
		assertThat(this.inspector.reason("x", "sk-short")).isNull();
		assertThat(this.inspector.reason("sample.system-prompt", "You are the assistant of Example Bank.")).isNull();
	}

	@Test
	void onlyPackagedAndFileConfigurationAndDefaultsAreChecked() {
		String key = "sk-proj-Zq4Xb7Lm2Np9Rs3Tv6Wy8Ac1De5Fg0HjKkMoPqRsTuVwXyZ1a2B";
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("Config resource 'file [/tmp/x.yml]' via location 'file:/tmp/x.yml'",
					Map.of("spring.ai.openai.api-key", key)));
		environment.getPropertySources()
			.addFirst(
					new SystemEnvironmentPropertySource("systemEnvironment", Map.of("SPRING_AI_OPENAI_API_KEY", key)));
		environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("a.token", "t0k")));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("vault:secret/app", Map.of("spring.ai.openai.api-key", key)));
		environment.getPropertySources()
			.addLast(new MapPropertySource("defaultProperties", Map.of("app.password", "hunter2")));

		List<HardCodedSecret> secrets = this.inspector.inspect(environment);

		assertThat(secrets).extracting(HardCodedSecret::property)
			.containsExactly("spring.ai.openai.api-key", "app.password");
		assertThat(secrets.get(0).source()).contains("file [/tmp/x.yml]");
		assertThat(secrets.toString()).doesNotContain(key).doesNotContain("hunter2");

		HardCodedSecretsProperties strict = new HardCodedSecretsProperties();
		strict.setAdditionalCheckedSources(List.of("commandLineArgs"));
		assertThat(new SecretPropertyInspector(strict).inspect(environment)).extracting(HardCodedSecret::property)
			.contains("a.token");
	}

	@Test
	void aPlaceholderWithALiteralSecretDefaultIsStillHardCoded() {
		assertThat(this.inspector.reason("spring.ai.openai.api-key", "${OPENAI_API_KEY:sk-local-dev-123}"))
			.isEqualTo("placeholder default: secret-like property name with a literal value");
		assertThat(this.inspector.reason("app.token", "${A:${B:hunter2}}")).startsWith("placeholder default");
		assertThat(this.inspector.reason("spring.cloud.vault.token", "${VAULT_TOKEN:}")).isNull();
		assertThat(this.inspector.reason("spring.cloud.vault.uri", "${VAULT_ADDR:http://127.0.0.1:8200}")).isNull();
		assertThat(this.inspector.reason("app.secret-ttl", "${TTL:30s}")).isNull();
		assertThat(SecretPropertyInspector.placeholderDefaults("a${X:1}b${Y}c${Z:two:parts}")).containsExactly("1",
				"two:parts");
		assertThat(SecretPropertyInspector.placeholderDefaults("${unbalanced:x")).isEmpty();
	}

	@Test
	void globAndNormalisation() {
		assertThat(SecretPropertyInspector.glob("*.api-key", "spring.ai.openai.api-key")).isTrue();
		assertThat(SecretPropertyInspector.glob("*.api-key", "spring.ai.openai.api-key.x")).isFalse();
		assertThat(SecretPropertyInspector.glob("*secret*", "secret")).isTrue();
		assertThat(SecretPropertyInspector.glob("a*b*c", "a" + "b".repeat(1000) + "d")).isFalse();
		assertThat(SecretPropertyInspector.normalize("spring.ai.openai.apiKey")).isEqualTo("spring.ai.openai.api-key");
		assertThat(SecretPropertyInspector.normalize("APP_CLIENT_SECRET")).isEqualTo("app-client-secret");
	}

}
