package dev.aisecurity.vault.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;

/**
 * Model-provider keys read from one Vault KV version 2 secret and re-read on demand or on
 * a schedule (see {@link ProviderKeyRefresher}), so a key rotated in Vault reaches the
 * next model call without a restart.
 * <p>
 * Each provider client gets a {@link #supplier(String) supplier} for one field of the
 * secret (for example {@code spring.ai.openai.api-key}) that it consults on every
 * request. A failed re-read keeps the last good keys: the provider rejects a key only
 * once it is revoked, and Vault being briefly unreachable must not stop model calls.
 * Values are never logged; only the secret's version is.
 */
public class VaultProviderKeys {

	private static final Log logger = LogFactory.getLog(VaultProviderKeys.class);

	private final VaultVersionedKeyValueOperations keyValue;

	private final String path;

	private final Clock clock;

	private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.EMPTY);

	private final Set<Consumer<RotationEvent>> listeners = ConcurrentHashMap.newKeySet();

	/**
	 * Create the key source.
	 * @param keyValue KV v2 operations on the mount that holds the secret
	 * @param path the secret's path below the mount, for example {@code my-app}
	 * @param clock clock for the refresh timestamps
	 */
	public VaultProviderKeys(VaultVersionedKeyValueOperations keyValue, String path, Clock clock) {
		Assert.notNull(keyValue, "keyValue must not be null");
		Assert.hasText(path, "path must not be empty");
		this.keyValue = keyValue;
		this.path = path;
		this.clock = clock;
	}

	/**
	 * A supplier of the current value of one field of the secret. If Vault has never
	 * answered, the fallback (usually the property value resolved at start-up, for
	 * example from {@code spring.config.import=vault://}) is used.
	 * @param field the field name in the secret
	 * @param fallback value to use until Vault has been read, may return {@code null}
	 * @return a supplier consulted per call
	 */
	public Supplier<String> supplier(String field, Supplier<String> fallback) {
		return () -> {
			Object value = this.current.get().values().get(field);
			if (value != null) {
				return value.toString();
			}
			String fromFallback = fallback.get();
			if (fromFallback == null) {
				throw new IllegalStateException("No provider key '" + field + "' in Vault secret '" + this.path + "'");
			}
			return fromFallback;
		};
	}

	/**
	 * Re-read the secret now.
	 * @return {@code true} if the secret's version changed
	 */
	public boolean refresh() {
		Versioned<Map<String, Object>> secret;
		try {
			secret = this.keyValue.get(this.path);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not re-read provider keys from Vault path '" + this.path + "' (keeping the last good "
					+ "keys): " + ex.getClass().getSimpleName());
			return false;
		}
		if (secret == null || !secret.hasData()) {
			logger.warn("Vault path '" + this.path + "' holds no provider keys (keeping the last good keys)");
			return false;
		}
		int version = secret.getVersion().getVersion();
		Snapshot previous = this.current.get();
		if (previous.version() == version) {
			this.current.set(new Snapshot(version, previous.values(), this.clock.instant()));
			return false;
		}
		Map<String, Object> values = Map.copyOf(secret.getRequiredData());
		this.current.set(new Snapshot(version, values, this.clock.instant()));
		if (previous != Snapshot.EMPTY) {
			logger.info("Provider keys at Vault path '" + this.path + "' rotated to version " + version);
			RotationEvent event = new RotationEvent(this.path, previous.version(), version, values.keySet());
			this.listeners.forEach((listener) -> listener.accept(event));
		}
		return true;
	}

	/** Register a listener told (metadata only) when the secret's version changes. */
	public void addListener(Consumer<RotationEvent> listener) {
		this.listeners.add(listener);
	}

	/** The secret version in use, 0 before the first successful read. */
	public int version() {
		return this.current.get().version();
	}

	/** When Vault last answered, or {@code null}. */
	public Instant lastRefreshed() {
		return this.current.get().refreshed();
	}

	/** The Vault path below the mount. */
	public String path() {
		return this.path;
	}

	/**
	 * How long since Vault last answered.
	 * @return the age, or {@code null} before the first read
	 */
	public Duration age() {
		Instant refreshed = lastRefreshed();
		return (refreshed != null) ? Duration.between(refreshed, this.clock.instant()) : null;
	}

	/**
	 * A change of the provider-key secret: which fields it has, never their values.
	 *
	 * @param path the Vault path
	 * @param previousVersion the version used before
	 * @param version the version used from now on
	 * @param fields field names in the new version
	 */
	public record RotationEvent(String path, int previousVersion, int version, Set<String> fields) {
	}

	private record Snapshot(int version, Map<String, Object> values, Instant refreshed) {

		static final Snapshot EMPTY = new Snapshot(0, Map.of(), null);

	}

}
