package dev.aisecurity.vault.testsupport;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.RoleId;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.SecretId;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.SimpleVaultEndpointProvider;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fake server answers the real Spring Vault client the way Vault's API documentation
 * says Vault does.
 */
class FakeVaultServerTests {

	private final FakeVaultServer vault = FakeVaultServer.start("root-token");

	@AfterEach
	void stop() {
		this.vault.close();
	}

	private VaultTemplate template(String token) {
		return new VaultTemplate(VaultEndpoint.from(this.vault.uri()), new TokenAuthentication(token));
	}

	@Test
	void kvVersion2ReadWriteListAndVersions() {
		VaultVersionedKeyValueOperations kv = template("root-token").opsForVersionedKeyValue("secret");
		kv.put("app/one", Map.of("a", "1"));
		kv.put("app/one", Map.of("a", "2"));
		kv.put("app/two", Map.of("b", "x"));
		Versioned<Map<String, Object>> read = kv.get("app/one");
		assertThat(read.getRequiredData()).containsEntry("a", "2");
		assertThat(read.getVersion().getVersion()).isEqualTo(2);
		assertThat(kv.list("app")).containsExactly("one", "two");
		assertThat(kv.opsForKeyValueMetadata().get("app/one").getCurrentVersion()).isEqualTo(2);
		assertThat(this.vault.requests()).contains("GET /v1/secret/data/app/one");
	}

	@Test
	void missingPathIsNullForTheClientAnd404OnTheWire() {
		VaultVersionedKeyValueOperations kv = template("root-token").opsForVersionedKeyValue("secret");
		assertThat(kv.get("nothing/here")).isNull();
	}

	@Test
	void badTokenIsRefusedWith403() {
		VaultVersionedKeyValueOperations kv = template("wrong-token").opsForVersionedKeyValue("secret");
		assertThatExceptionOfType(VaultException.class).isThrownBy(() -> kv.get("app/one"))
			.withMessageContaining("403")
			.withMessageContaining("permission denied");
	}

	@Test
	void sealedServerAnswers503() {
		this.vault.setSealed(true);
		assertThatExceptionOfType(VaultException.class)
			.isThrownBy(() -> template("root-token").opsForVersionedKeyValue("secret").get("app/one"))
			.withMessageContaining("503");
	}

	@Test
	void healthAsDocumented() {
		assertThat(template("root-token").opsForSys().health().isSealed()).isFalse();
		assertThat(template("root-token").opsForSys().health().isInitialized()).isTrue();
	}

	@Test
	void appRoleLoginIssuesAUsableToken() {
		this.vault.addAppRole("role-1", "secret-1");
		this.vault.putSecret("app/one", Map.of("a", "1"));
		VaultEndpoint endpoint = VaultEndpoint.from(this.vault.uri());
		AppRoleAuthentication appRole = new AppRoleAuthentication(
				AppRoleAuthenticationOptions.builder()
					.roleId(RoleId.provided("role-1"))
					.secretId(SecretId.provided("secret-1"))
					.build(),
				VaultClients.createRestClient(SimpleVaultEndpointProvider.of(endpoint),
						new SimpleClientHttpRequestFactory(), (builder) -> {
						}));
		VaultTemplate template = new VaultTemplate(endpoint, appRole);
		assertThat(template.opsForVersionedKeyValue("secret").get("app/one").getRequiredData()).containsEntry("a", "1");
		assertThat(this.vault.requests()).contains("POST /v1/auth/approle/login");
	}

	@Test
	void appRoleLoginWithWrongSecretIdFails() {
		this.vault.addAppRole("role-1", "secret-1");
		VaultEndpoint endpoint = VaultEndpoint.from(this.vault.uri());
		AppRoleAuthentication appRole = new AppRoleAuthentication(
				AppRoleAuthenticationOptions.builder()
					.roleId(RoleId.provided("role-1"))
					.secretId(SecretId.provided("wrong"))
					.build(),
				VaultClients.createRestClient(SimpleVaultEndpointProvider.of(endpoint),
						new SimpleClientHttpRequestFactory(), (builder) -> {
						}));
		assertThatExceptionOfType(VaultException.class).isThrownBy(appRole::login)
			.withMessageContaining("invalid role or secret ID");
	}

}
