package dev.aisecurity.web.apikey;

import java.util.Optional;

/**
 * Where API keys are kept: the SPI behind the {@code X-API-Key} filter. Implementations
 * hold only {@link ApiKeyHash hashes}, never plaintext keys.
 * <p>
 * Contract:
 * <ul>
 * <li>{@link #findByHash} compares hashes in constant time ({@link ApiKeyHash#matches}),
 * or looks the hash up in a structure whose timing does not depend on how many leading
 * bytes match (a hash-keyed map is fine: an attacker learning a prefix of SHA-256(key)
 * learns nothing about the key).</li>
 * <li>It returns disabled and expired records too; the caller checks
 * {@link ApiKeyRecord#isActive} so that audit records can say why a key failed.</li>
 * <li>At most two active keys per principal, so that a key can be rotated without
 * downtime: issue the new key, move clients, disable the old one.</li>
 * <li>Thread-safe and fast: it is called on every request that carries a key. Remote
 * stores (Vault, a database) should cache.</li>
 * </ul>
 */
@FunctionalInterface
public interface ApiKeyStore {

	/** How many active keys one principal may hold (the current and the next). */
	int MAX_ACTIVE_KEYS_PER_PRINCIPAL = 2;

	/**
	 * Find the record for a presented key.
	 * @param presented the hash of the key the client sent
	 * @return the matching record, or empty if no stored key matches
	 */
	Optional<ApiKeyRecord> findByHash(ApiKeyHash presented);

}
