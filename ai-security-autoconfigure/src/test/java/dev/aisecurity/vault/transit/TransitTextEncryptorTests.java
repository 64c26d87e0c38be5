package dev.aisecurity.vault.transit;

import dev.aisecurity.vault.testsupport.FakeVaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TransitTextEncryptorTests {

	private final FakeVaultServer vault = FakeVaultServer.start("root-token");

	private final TransitTextEncryptor encryptor = new TransitTextEncryptor(
			new VaultTemplate(VaultEndpoint.from(this.vault.uri()), new TokenAuthentication("root-token"))
				.opsForTransit(),
			"memory");

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void roundTripsWithoutTheCiphertextRevealingThePlaintext() {
		String secret = "my account number is 12345678";
		String ciphertext = this.encryptor.encrypt(secret);
		assertThat(ciphertext).startsWith("vault:v1:").doesNotContain("12345678").doesNotContain("account");
		assertThat(TransitTextEncryptor.isEncrypted(ciphertext)).isTrue();
		assertThat(this.encryptor.decrypt(ciphertext)).isEqualTo(secret);
		assertThat(this.vault.requests()).contains("POST /v1/transit/encrypt/memory",
				"POST /v1/transit/decrypt/memory");
	}

	@Test
	void oldVersionsStillDecryptAfterRotationAndRewrapMovesToTheLatest() {
		String v1 = this.encryptor.encrypt("héllo wörld ✓");
		this.vault.rotateTransitKey("memory");
		assertThat(this.encryptor.decrypt(v1)).isEqualTo("héllo wörld ✓");
		String v2 = this.encryptor.rewrap(v1);
		assertThat(TransitTextEncryptor.keyVersion(v2)).isEqualTo(2);
		assertThat(this.encryptor.decrypt(v2)).isEqualTo("héllo wörld ✓");
		assertThat(TransitTextEncryptor.keyVersion(this.encryptor.encrypt("x"))).isEqualTo(2);
	}

	@Test
	void tamperedCiphertextFailsInsteadOfReturningGarbage() {
		String ciphertext = this.encryptor.encrypt("payload");
		String tampered = ciphertext.substring(0, ciphertext.length() - 4) + "AAA=";
		assertThatExceptionOfType(VaultException.class).isThrownBy(() -> this.encryptor.decrypt(tampered))
			.withMessageContaining("400");
	}

	@Test
	void recognisesOnlyTransitCiphertexts() {
		assertThat(TransitTextEncryptor.isEncrypted("vault:v12:abc")).isTrue();
		assertThat(TransitTextEncryptor.isEncrypted("vault:vx:abc")).isFalse();
		assertThat(TransitTextEncryptor.isEncrypted("vault:v:abc")).isFalse();
		assertThat(TransitTextEncryptor.isEncrypted("hello vault:v1:abc")).isFalse();
		assertThat(TransitTextEncryptor.isEncrypted(null)).isFalse();
	}

}
