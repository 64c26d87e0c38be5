package dev.aisecurity.web.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ApiKeyStore} over a fixed list of records, typically bound from
 * {@code ai.security.api-keys.keys[*]} (hashes in {@code application.yml}). Scans every
 * record with a constant-time comparison, so the lookup time does not depend on which key
 * matched. Validates on construction: unique key ids, unique hashes and at most
 * {@value ApiKeyStore#MAX_ACTIVE_KEYS_PER_PRINCIPAL} active keys per principal.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {

	private final ApiKeyRecord[] records;

	/**
	 * Create a store.
	 * @param records the records
	 * @param clock the clock used to decide which keys are active for validation
	 * @throws IllegalArgumentException if the records break the rules above
	 */
	public InMemoryApiKeyStore(List<ApiKeyRecord> records, Clock clock) {
		validate(records, clock.instant());
		this.records = records.toArray(ApiKeyRecord[]::new);
	}

	/**
	 * Create a store, validating against the system clock.
	 * @param records the records
	 */
	public InMemoryApiKeyStore(List<ApiKeyRecord> records) {
		this(records, Clock.systemUTC());
	}

	@Override
	public Optional<ApiKeyRecord> findByHash(ApiKeyHash presented) {
		ApiKeyRecord found = null;
		// no early exit: the time taken does not reveal which record matched
		for (ApiKeyRecord candidate : this.records) {
			if (candidate.hash().matches(presented)) {
				found = candidate;
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The number of stored records.
	 * @return the count
	 */
	public int size() {
		return this.records.length;
	}

	private static void validate(List<ApiKeyRecord> records, Instant now) {
		Map<String, Integer> activePerPrincipal = new HashMap<>();
		Map<String, Boolean> ids = new HashMap<>();
		Map<ApiKeyHash, Boolean> hashes = new HashMap<>();
		for (ApiKeyRecord record : records) {
			if (ids.put(record.keyId(), Boolean.TRUE) != null) {
				throw new IllegalArgumentException("Duplicate API key id '" + record.keyId() + "'");
			}
			if (hashes.put(record.hash(), Boolean.TRUE) != null) {
				throw new IllegalArgumentException("API key '" + record.keyId() + "' has the same hash as another key");
			}
			if (record.isActive(now)
					&& activePerPrincipal.merge(record.principal(), 1, Integer::sum) > MAX_ACTIVE_KEYS_PER_PRINCIPAL) {
				throw new IllegalArgumentException("Principal '" + record.principal() + "' has more than "
						+ MAX_ACTIVE_KEYS_PER_PRINCIPAL + " active API keys; disable or expire the old ones");
			}
		}
	}

}
