package dev.aisecurity.vault.provider;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Re-reads {@link VaultProviderKeys} on a fixed interval on one daemon thread. KV version
 * 2 secrets carry no lease, so polling the version is how a rotation is noticed; the
 * interval bounds how long the old key stays in use after it was replaced in Vault.
 */
public class ProviderKeyRefresher implements SmartLifecycle {

	private final VaultProviderKeys keys;

	private final Duration interval;

	private volatile ScheduledExecutorService executor;

	public ProviderKeyRefresher(VaultProviderKeys keys, Duration interval) {
		Assert.notNull(keys, "keys must not be null");
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(), "interval must be positive");
		this.keys = keys;
		this.interval = interval;
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "ai-security-vault-provider-keys");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		scheduler.scheduleWithFixedDelay(this.keys::refresh, millis, millis, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
