package dev.aisecurity.integrity;

import java.util.List;

/**
 * Supplies the public keys trusted to sign model manifests: the extension point for keys
 * kept outside the application configuration (Vault, a KMS, a key server).
 * <p>
 * Implementations are found two ways: as Spring beans (used by on-demand verification and
 * rollback), and through {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.aisecurity.integrity.TrustedKeySource} (also used by the
 * start-up verification, which runs before any bean exists). Keys kept in Vault's
 * key-value store need no code at all: import them as configuration with
 * {@code spring.config.import=vault://...} under
 * {@code ai.security.models.trusted-keys.<key-id>}.
 */
@FunctionalInterface
public interface TrustedKeySource {

	/**
	 * The keys to trust.
	 * @return the keys; never {@code null}
	 */
	List<TrustedKey> trustedKeys();

}
