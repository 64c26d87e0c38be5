package dev.aisecurity.vault.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import dev.aisecurity.web.apikey.ApiKeyHash;
import dev.aisecurity.web.apikey.ApiKeyRecord;
import dev.aisecurity.web.apikey.ApiKeyStore;
import dev.aisecurity.web.apikey.InMemoryApiKeyStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;

/**
 * An {@link ApiKeyStore} over Vault KV version 2: every client API key is one secret
 * below a configurable path, holding the key's hash (never the key) and what it grants:
 *
 * <pre>
 * secret/ai-security/api-keys/alice-2026-01
 *   hash        = sha256:&lt;64 hex digits&gt;
 *   principal   = alice
 *   roles       = USER,ADMIN        (list or comma-separated)
 *   authorities = SCOPE_chat        (optional)
 *   tier        = pro               (optional)
 *   expires-at  = 2027-01-01T00:00:00Z (optional, ISO-8601)
 *   enabled     = true              (optional, default true)
 * </pre>
 *
 * All keys are read together and cached for {@code cacheTtl}. If Vault cannot be read,
 * the last good keys are served for up to {@code maxStaleness} after they were loaded
 * ({@link State#STALE}); after that every lookup finds nothing, so every API key is
 * refused with 401 ({@link State#FAILED_CLOSED}) until Vault answers again. A failed
 * refresh is retried at most every {@code retryInterval}, so an outage does not turn
 * every request into a Vault call. Only one thread talks to Vault at a time; the others
 * keep using the cached keys meanwhile.
 */
public class VaultApiKeyStore implements ApiKeyStore {

	private static final Log logger = LogFactory.getLog(VaultApiKeyStore.class);

	private final VaultVersionedKeyValueOperations keyValue;

	private final String path;

	private final Duration cacheTtl;

	private final Duration maxStaleness;

	private final Duration retryInterval;

	private final Clock clock;

	private final ReentrantLock refreshLock = new ReentrantLock();

	private volatile Snapshot snapshot;

	private volatile Instant lastAttempt = Instant.EPOCH;

	private volatile String lastError;

	private volatile long failures;

	/**
	 * Create a store.
	 * @param keyValue KV v2 operations on the mount holding the keys
	 * @param path the path below the mount under which each key is one secret
	 * @param cacheTtl how long loaded keys are used before Vault is asked again
	 * @param maxStaleness how long loaded keys are served while Vault is unreachable
	 * @param clock the clock
	 */
	public VaultApiKeyStore(VaultVersionedKeyValueOperations keyValue, String path, Duration cacheTtl,
			Duration maxStaleness, Clock clock) {
		Assert.notNull(keyValue, "keyValue must not be null");
		Assert.hasText(path, "path must not be empty");
		Assert.isTrue(!cacheTtl.isNegative(), "cacheTtl must not be negative");
		Assert.isTrue(maxStaleness.compareTo(cacheTtl) >= 0, "maxStaleness must be at least cacheTtl");
		this.keyValue = keyValue;
		this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		this.cacheTtl = cacheTtl;
		this.maxStaleness = maxStaleness;
		this.retryInterval = (cacheTtl.compareTo(Duration.ofSeconds(5)) < 0) ? cacheTtl : Duration.ofSeconds(5);
		this.clock = clock;
	}

	@Override
	public Optional<ApiKeyRecord> findByHash(ApiKeyHash presented) {
		Snapshot current = current();
		if (current == null || ageOf(current).compareTo(this.maxStaleness) > 0) {
			return Optional.empty(); // fail closed: no key is valid without a recent view
										// of Vault
		}
		// hash-keyed map: the SPI allows it (timing reveals nothing about the key) and it
		// stays
		// O(1) however many keys Vault holds
		return Optional.ofNullable(current.byHash().get(presented));
	}

	/**
	 * Read all keys from Vault now.
	 * @return whether the read succeeded
	 */
	public boolean refresh() {
		this.refreshLock.lock();
		try {
			return doRefresh();
		}
		finally {
			this.refreshLock.unlock();
		}
	}

	/** The store's state, for health and metrics. */
	public State state() {
		Snapshot current = this.snapshot;
		if (current == null) {
			return (this.lastError != null) ? State.FAILED_CLOSED : State.NOT_LOADED;
		}
		Duration age = ageOf(current);
		if (age.compareTo(this.maxStaleness) > 0) {
			return State.FAILED_CLOSED;
		}
		return (age.compareTo(this.cacheTtl) > 0 && this.lastError != null) ? State.STALE : State.FRESH;
	}

	/** Age of the cached keys, or {@code null} if none were ever loaded. */
	public Duration age() {
		Snapshot current = this.snapshot;
		return (current != null) ? ageOf(current) : null;
	}

	/** Number of cached key records. */
	public int size() {
		Snapshot current = this.snapshot;
		return (current != null) ? current.byHash().size() : 0;
	}

	/** How many refreshes failed since start-up. */
	public long failureCount() {
		return this.failures;
	}

	/** The kind of the last refresh error (an exception class name), or {@code null}. */
	public String lastError() {
		return this.lastError;
	}

	/** The Vault path below the mount. */
	public String path() {
		return this.path;
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		boolean expired = current == null || ageOf(current).compareTo(this.cacheTtl) >= 0;
		boolean mayRetry = !now.isBefore(this.lastAttempt.plus(this.retryInterval)) || current == null;
		if (expired && mayRetry && this.refreshLock.tryLock()) {
			try {
				doRefresh();
			}
			finally {
				this.refreshLock.unlock();
			}
			current = this.snapshot;
		}
		return current;
	}

	private boolean doRefresh() {
		this.lastAttempt = this.clock.instant();
		try {
			List<ApiKeyRecord> records = load();
			new InMemoryApiKeyStore(records, this.clock); // validates: unique ids and
															// hashes, two active keys
			Map<ApiKeyHash, ApiKeyRecord> byHash = new HashMap<>();
			records.forEach((record) -> byHash.put(record.hash(), record));
			this.snapshot = new Snapshot(Map.copyOf(byHash), this.clock.instant());
			if (this.lastError != null) {
				logger
					.info("Vault API-key store recovered: " + records.size() + " keys loaded from '" + this.path + "'");
			}
			this.lastError = null;
			return true;
		}
		catch (RuntimeException ex) {
			this.failures++;
			this.lastError = ex.getClass().getSimpleName();
			logger.warn("Could not read API keys from Vault path '" + this.path + "' (" + this.lastError + "); state "
					+ state());
			return false;
		}
	}

	private List<ApiKeyRecord> load() {
		List<String> ids = this.keyValue.list(this.path);
		List<ApiKeyRecord> records = new ArrayList<>();
		if (ids == null) {
			return records;
		}
		for (String id : ids) {
			if (id.endsWith("/")) {
				continue; // a sub-folder, not a key
			}
			Versioned<Map<String, Object>> secret = this.keyValue.get(this.path + "/" + id);
			if (secret == null || !secret.hasData()) {
				continue; // deleted between list and read
			}
			records.add(toRecord(id, secret.getRequiredData()));
		}
		return records;
	}

	static ApiKeyRecord toRecord(String keyId, Map<String, Object> data) {
		Object hash = data.get("hash");
		Object principal = data.get("principal");
		if (hash == null || principal == null) {
			throw new IllegalStateException("API key '" + keyId + "' in Vault lacks 'hash' or 'principal'");
		}
		ApiKeyRecord.Builder builder = ApiKeyRecord.builder(keyId, principal.toString(),
				ApiKeyHash.parse(hash.toString()));
		builder.roles(strings(data.get("roles")).toArray(String[]::new));
		builder.authorities(strings(data.get("authorities")).toArray(String[]::new));
		Object tier = data.get("tier");
		if (tier != null && !tier.toString().isBlank()) {
			builder.tier(tier.toString());
		}
		Object expiresAt = data.get("expires-at");
		if (expiresAt != null && !expiresAt.toString().isBlank()) {
			builder.expiresAt(Instant.parse(expiresAt.toString()));
		}
		Object enabled = data.get("enabled");
		if (enabled != null) {
			builder.enabled(Boolean.parseBoolean(enabled.toString()));
		}
		return builder.build();
	}

	private static Set<String> strings(Object value) {
		Set<String> result = new LinkedHashSet<>();
		if (value instanceof Collection<?> collection) {
			collection.forEach((item) -> addTrimmed(result, String.valueOf(item)));
		}
		else if (value != null) {
			for (String item : value.toString().split(",")) {
				addTrimmed(result, item);
			}
		}
		return result;
	}

	private static void addTrimmed(Set<String> target, String value) {
		String trimmed = value.trim();
		if (!trimmed.isEmpty()) {
			target.add(trimmed);
		}
	}

	private Duration ageOf(Snapshot snapshot) {
		return Duration.between(snapshot.loadedAt(), this.clock.instant());
	}

	/**
	 * What the store can currently vouch for.
	 */
	public enum State {

		/** Vault has not been read yet. */
		NOT_LOADED,

		/** Keys were read from Vault within the cache TTL. */
		FRESH,

		/**
		 * Vault is unreachable; keys older than the TTL but within the staleness limit.
		 */
		STALE,

		/**
		 * Vault has been unreachable for longer than the staleness limit: every key is
		 * refused.
		 */
		FAILED_CLOSED

	}

	private record Snapshot(Map<ApiKeyHash, ApiKeyRecord> byHash, Instant loadedAt) {
	}

}
