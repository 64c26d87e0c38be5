package dev.aisecurity.web.mfa;

import java.util.Optional;

/**
 * Where each principal's TOTP secret is kept. The built-in implementation reads
 * {@code ai.security.mfa.totp.secrets.<principal>} (Base32); production deployments
 * should keep secrets in Vault or an encrypted table and implement this interface.
 */
@FunctionalInterface
public interface TotpSecretStore {

	/**
	 * The secret of a principal.
	 * @param principal the principal id
	 * @return the raw secret bytes, empty when the principal has not enrolled
	 */
	Optional<byte[]> findSecret(String principal);

}
