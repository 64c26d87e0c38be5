package dev.aisecurity.web.mfa;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TotpSecretStore} over a fixed map of principal to Base32 secret, typically
 * bound from {@code ai.security.mfa.totp.secrets}. For demos and small deployments; keep
 * the secrets out of source control (environment, Vault).
 */
public final class InMemoryTotpSecretStore implements TotpSecretStore {

	private final Map<String, byte[]> secrets = new HashMap<>();

	/**
	 * Create a store.
	 * @param base32Secrets principal id to Base32 secret
	 */
	public InMemoryTotpSecretStore(Map<String, String> base32Secrets) {
		base32Secrets.forEach((principal, secret) -> {
			byte[] bytes = Base32.decode(secret);
			if (bytes.length < 10) {
				throw new IllegalArgumentException("TOTP secret of '" + principal
						+ "' is shorter than 80 bits (RFC 4226 requires 128, 160 advised)");
			}
			this.secrets.put(principal, bytes);
		});
	}

	@Override
	public Optional<byte[]> findSecret(String principal) {
		byte[] secret = this.secrets.get(principal);
		return (secret != null) ? Optional.of(secret.clone()) : Optional.empty();
	}

}
