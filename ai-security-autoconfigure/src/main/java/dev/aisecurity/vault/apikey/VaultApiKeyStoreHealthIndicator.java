package dev.aisecurity.vault.apikey;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the {@link VaultApiKeyStore}: {@code UP} while keys are fresh or served from
 * the cache within the staleness limit (the details say {@code STALE}), {@code DOWN} once
 * the store fails closed. Details are metadata only: state, number of keys, cache age and
 * the kind of the last error.
 */
public class VaultApiKeyStoreHealthIndicator extends AbstractHealthIndicator {

	private final VaultApiKeyStore store;

	public VaultApiKeyStoreHealthIndicator(VaultApiKeyStore store) {
		super("Vault API-key store health check failed");
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		VaultApiKeyStore.State state = this.store.state();
		if (state == VaultApiKeyStore.State.FAILED_CLOSED) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetail("state", state.name())
			.withDetail("keys", this.store.size())
			.withDetail("path", this.store.path());
		Duration age = this.store.age();
		if (age != null) {
			builder.withDetail("ageSeconds", age.toSeconds());
		}
		if (this.store.lastError() != null) {
			builder.withDetail("lastError", this.store.lastError());
		}
	}

}
