package dev.aisecurity.vault.apikey;

import java.time.Duration;
import java.util.Map;

import dev.aisecurity.vault.testsupport.FakeVaultServer;
import dev.aisecurity.web.AiGuarded;
import dev.aisecurity.web.apikey.ApiKeyHash;
import dev.aisecurity.web.apikey.ApiKeyStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Vault-backed API-key store behind a real {@code @AiGuarded} endpoint: a key stored
 * in (fake) Vault authenticates; while Vault is sealed the cached keys keep working until
 * the staleness limit, then the endpoint answers 401 and the health shows the state; when
 * Vault returns, the key works again.
 */
@SpringBootTest(classes = VaultApiKeyWebTests.TestApplication.class)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class VaultApiKeyWebTests {

	private static final String CLIENT_KEY = "ask_vault_web_3c9f1e7a5b2d4f60";

	private static final FakeVaultServer vault = FakeVaultServer.start("root-token");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeyStore store;

	@Autowired
	VaultApiKeyStoreHealthIndicator health;

	@DynamicPropertySource
	static void vaultProperties(DynamicPropertyRegistry registry) {
		vault.putSecret("ai-security/api-keys/carol-1", Map.of("hash", ApiKeyHash.of(CLIENT_KEY).toString(),
				"principal", "carol", "roles", "USER", "tier", "pro"));
		registry.add("spring.cloud.vault.uri", vault::uri);
		registry.add("spring.cloud.vault.token", () -> "root-token");
		registry.add("spring.ai.openai.api-key", () -> "test-key-unused");
		registry.add("spring.ai.model.moderation", () -> "none");
		registry.add("ai.security.vault.api-keys.enabled", () -> "true");
		registry.add("ai.security.vault.api-keys.cache-ttl", () -> "200ms");
		registry.add("ai.security.vault.api-keys.max-staleness", () -> "4s");
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	@Test
	void vaultKeysAuthenticateThenFailClosedDuringAnOutageAndRecover() throws Exception {
		assertThat(this.store).isInstanceOf(VaultApiKeyStore.class);
		this.mvc.perform(get("/api/vault-hello").header("X-API-Key", CLIENT_KEY))
			.andExpect(status().isOk())
			.andExpect(content().string("hello carol"));

		// a fresh read just before the outage, so the staleness window starts now
		assertThat(((VaultApiKeyStore) this.store).refresh()).isTrue();
		vault.setSealed(true);
		// within the staleness limit the cached key still works
		this.mvc.perform(get("/api/vault-hello").header("X-API-Key", CLIENT_KEY)).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> ((VaultApiKeyStore) this.store).state() == VaultApiKeyStore.State.FAILED_CLOSED);
		this.mvc.perform(get("/api/vault-hello").header("X-API-Key", CLIENT_KEY))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		assertThat(this.health.health(true).getStatus().getCode()).isEqualTo("DOWN");

		vault.setSealed(false);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> this.mvc.perform(get("/api/vault-hello").header("X-API-Key", CLIENT_KEY))
				.andExpect(status().isOk()));
		assertThat(this.health.health(true).getStatus().getCode()).isEqualTo("UP");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class TestApplication {

	}

	@RestController
	static class HelloController {

		@AiGuarded(roles = "USER")
		@GetMapping("/api/vault-hello")
		String hello(java.security.Principal principal) {
			return "hello " + principal.getName();
		}

	}

}
