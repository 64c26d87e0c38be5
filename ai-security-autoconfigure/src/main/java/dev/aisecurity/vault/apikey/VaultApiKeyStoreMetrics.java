package dev.aisecurity.vault.apikey;

import java.time.Duration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters for the {@link VaultApiKeyStore}:
 * <ul>
 * <li>{@code ai.security.vault.api-keys.state}: 0 fresh, 1 stale (served from cache), 2
 * failed closed, -1 not loaded yet;</li>
 * <li>{@code ai.security.vault.api-keys.age}: seconds since Vault was last read;</li>
 * <li>{@code ai.security.vault.api-keys.refresh.failures}: failed reads since
 * start-up.</li>
 * </ul>
 */
public class VaultApiKeyStoreMetrics implements MeterBinder {

	private final VaultApiKeyStore store;

	public VaultApiKeyStoreMetrics(VaultApiKeyStore store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("ai.security.vault.api-keys.state", this.store, VaultApiKeyStoreMetrics::stateValue)
			.description("Vault API-key store: 0 fresh, 1 stale, 2 failed closed, -1 not loaded")
			.register(registry);
		Gauge.builder("ai.security.vault.api-keys.age", this.store, VaultApiKeyStoreMetrics::ageSeconds)
			.description("Seconds since the API keys were last read from Vault")
			.baseUnit("seconds")
			.register(registry);
		FunctionCounter
			.builder("ai.security.vault.api-keys.refresh.failures", this.store, VaultApiKeyStore::failureCount)
			.description("Failed reads of the API keys from Vault")
			.register(registry);
	}

	static double stateValue(VaultApiKeyStore store) {
		return switch (store.state()) {
			case NOT_LOADED -> -1;
			case FRESH -> 0;
			case STALE -> 1;
			case FAILED_CLOSED -> 2;
		};
	}

	private static double ageSeconds(VaultApiKeyStore store) {
		Duration age = store.age();
		return (age != null) ? age.toMillis() / 1000.0 : Double.NaN;
	}

}
