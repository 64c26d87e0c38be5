package dev.aisecurity.autoconfigure.integrity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import dev.aisecurity.integrity.DigestProgressListener;
import dev.aisecurity.integrity.ManifestVerifier;
import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.ModelStateStore;
import dev.aisecurity.integrity.StreamingDigester;
import dev.aisecurity.integrity.TrustedKey;
import dev.aisecurity.integrity.TrustedKeySource;
import org.apache.commons.logging.Log;

import org.springframework.core.io.ResourceLoader;

/**
 * Builds a {@link ModelIntegrityManager} from {@link ModelIntegrityProperties}; shared by
 * the start-up verifier and the auto-configuration so both trust the same keys.
 */
final class ModelIntegrityManagers {

	private ModelIntegrityManagers() {
	}

	static ResourceManifestSource source(ModelIntegrityProperties properties, ResourceLoader resourceLoader) {
		if (properties.getManifest() == null && properties.getSigstore().getBundle() != null) {
			return ResourceManifestSource.forBundle(resourceLoader, properties.getSigstore().getBundle(),
					properties.getSigstore().getModelDirectory());
		}
		return new ResourceManifestSource(resourceLoader, properties.getManifest(), properties.signatureLocation());
	}

	static ModelIntegrityManager create(ModelIntegrityProperties properties, ResourceManifestSource source,
			ClassLoader classLoader, List<TrustedKeySource> beanSources, Log log) {
		List<TrustedKey> keys = new ArrayList<>();
		for (Map.Entry<String, String> entry : properties.getTrustedKeys().entrySet()) {
			try {
				keys.add(TrustedKey.of(entry.getKey(), entry.getValue()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(ModelIntegrityProperties.PREFIX + ".trusted-keys." + entry.getKey()
						+ " is not a usable public key: " + ex.getMessage(), ex);
			}
		}
		for (TrustedKeySource keySource : ServiceLoader.load(TrustedKeySource.class, classLoader)) {
			keys.addAll(keySource.trustedKeys());
		}
		for (TrustedKeySource keySource : beanSources) {
			keys.addAll(keySource.trustedKeys());
		}
		// A manifest made from configuration is as trusted as the configuration; the
		// bundle
		// it lists carries the signature
		ManifestVerifier verifier = new ManifestVerifier(keys,
				properties.isRequireSignature() && !source.isConfiguredBundle());
		StreamingDigester digester = new StreamingDigester(StreamingDigester.DEFAULT_BUFFER_SIZE,
				properties.getProgressInterval().toBytes(), progress(log));
		ModelStateStore store = (properties.getStateFile() != null)
				? ModelStateStore.file(Path.of(properties.getStateFile())) : ModelStateStore.inMemory();
		return new ModelIntegrityManager(source, verifier, digester, store, properties.getActiveVersion(),
				Clock.systemUTC());
	}

	private static DigestProgressListener progress(Log log) {
		return (description, read, total) -> {
			if (log.isInfoEnabled()) {
				log.info("Hashing model artifact " + description + ": " + (read >> 20) + " MiB"
						+ ((total >= 0) ? " of " + (total >> 20) + " MiB" : ""));
			}
		};
	}

}
