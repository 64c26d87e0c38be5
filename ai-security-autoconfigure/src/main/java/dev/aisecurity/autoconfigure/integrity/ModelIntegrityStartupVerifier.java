package dev.aisecurity.autoconfigure.integrity;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aisecurity.integrity.ArtifactStatus;
import dev.aisecurity.integrity.FloatingModelAliases;
import dev.aisecurity.integrity.ModelArtifact;
import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.ModelVersion;
import dev.aisecurity.integrity.RemoteModel;
import dev.aisecurity.integrity.VersionVerification;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Verifies the model manifest and the active version's artifacts while the environment is
 * prepared: after configuration (including Vault imports) is loaded and logging is
 * initialised, and before the application context creates a single bean. Spring AI's
 * local models (for example the ONNX embedding model named by
 * {@code spring.ai.embedding.transformer.onnx.model-uri}) are therefore verified before
 * Spring AI loads them, and progress logs of multi-gigabyte artifacts appear live.
 * <p>
 * It also checks that configured model resources are listed in the active version, sets
 * the properties that manifest artifacts and remote models bind, and checks provider
 * model names for floating aliases. The verified {@link ModelIntegrityManager} is handed
 * to the application context, so the auto-configuration does not hash again.
 */
public class ModelIntegrityStartupVerifier
		implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** Name of the manager bean registered for the auto-configuration. */
	public static final String MANAGER_BEAN_NAME = "aiSecurityModelIntegrityManager";

	/** Name of the property source holding properties set from the manifest. */
	public static final String PROPERTY_SOURCE_NAME = "aiSecurityModelIntegrity";

	/** Runs just after logging is initialised. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	private static final Log logger = LogFactory.getLog(ModelIntegrityStartupVerifier.class);

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		SpringApplication application = event.getSpringApplication();
		ModelIntegrityProperties properties = Binder.get(environment)
			.bind(ModelIntegrityProperties.PREFIX, ModelIntegrityProperties.class)
			.orElseGet(ModelIntegrityProperties::new);
		ModelVersion active = null;
		if (properties.isEnabled() && properties.isVerifyOnStartup()) {
			ResourceLoader resourceLoader = (application.getResourceLoader() != null) ? application.getResourceLoader()
					: new DefaultResourceLoader(application.getClassLoader());
			ResourceManifestSource source = ModelIntegrityManagers.source(properties, resourceLoader);
			ModelIntegrityManager manager = ModelIntegrityManagers.create(properties, source,
					application.getClassLoader(), List.of(), logger);
			VersionVerification verification = manager.initialize();
			active = manager.activeVersion();
			logger.info("Model manifest " + source.description() + " verified; active version " + verification.version()
					+ " (" + verification.artifacts().size() + " artifacts)");
			bindProperties(environment, resourceLoader, source, active, verification, properties);
			application
				.addInitializers((context) -> context.getBeanFactory().registerSingleton(MANAGER_BEAN_NAME, manager));
		}
		if (properties.isCheckFloatingAliases()) {
			checkFloatingAliases(environment, properties, active);
		}
	}

	private void bindProperties(ConfigurableEnvironment environment, ResourceLoader resourceLoader,
			ResourceManifestSource source, ModelVersion active, VersionVerification verification,
			ModelIntegrityProperties properties) {
		Map<String, Object> bound = new LinkedHashMap<>();
		Set<String> toCheck = new LinkedHashSet<>(properties.getVerifiedProperties());
		for (ModelArtifact artifact : active.artifacts()) {
			if (artifact.property() == null) {
				continue;
			}
			Resource resource = resolve(source, artifact);
			String configured = environment.getProperty(artifact.property());
			if (configured == null) {
				bound.put(artifact.property(), location(resource, artifact));
			}
			else if (!sameResource(resourceLoader.getResource(configured), resource)) {
				throw new ModelIntegrityException(ModelIntegrityException.Reason.UNLISTED_RESOURCE,
						"Property " + artifact.property() + " points at another resource than artifact '"
								+ artifact.name() + "' (" + artifact.location() + ") of verified model version "
								+ active.version() + "; remove the property or point it at the artifact");
			}
			toCheck.remove(artifact.property());
		}
		for (String property : toCheck) {
			String configured = environment.getProperty(property);
			if (configured == null || configured.isBlank()) {
				continue;
			}
			Resource resource = resourceLoader.getResource(configured);
			boolean listed = active.artifacts()
				.stream()
				.anyMatch((artifact) -> sameResource(resource, resolve(source, artifact)))
					|| isVerifiedBundleFile(resource, active, verification);
			if (!listed) {
				throw new ModelIntegrityException(ModelIntegrityException.Reason.UNLISTED_RESOURCE,
						"Property " + property + " names a model resource that model version " + active.version()
								+ " of the manifest does not list; add it to the manifest (with its SHA-256) and"
								+ " sign the manifest again");
			}
		}
		for (RemoteModel remote : active.remoteModels()) {
			if (remote.property() == null) {
				continue;
			}
			String configured = environment.getProperty(remote.property());
			if (configured == null) {
				bound.put(remote.property(), remote.model());
			}
			else if (!configured.strip().equals(remote.model())) {
				throw new ModelIntegrityException(ModelIntegrityException.Reason.UNLISTED_RESOURCE,
						"Property " + remote.property() + " names another model than " + remote.model()
								+ ", which model version " + active.version() + " pins for provider "
								+ remote.provider());
			}
		}
		if (!bound.isEmpty()) {
			// First: nothing loaded later may point these properties elsewhere
			environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, bound));
			logger.info("Model manifest sets " + bound.keySet());
		}
	}

	private void checkFloatingAliases(ConfigurableEnvironment environment, ModelIntegrityProperties properties,
			ModelVersion active) {
		FloatingModelAliases aliases = new FloatingModelAliases(Set.copyOf(properties.getPinnedAliases()));
		List<String> problems = new ArrayList<>();
		Binder binder = Binder.get(environment);
		for (ConfigurationPropertyName name : modelPropertyNames(environment)) {
			String model = binder.bind(name, org.springframework.boot.context.properties.bind.Bindable.of(String.class))
				.orElse(null);
			String provider = name.getElement(2, ConfigurationPropertyName.Form.UNIFORM);
			if (aliases.isFloating(provider, model)) {
				problems.add(name + "=" + model);
			}
		}
		if (active != null) {
			for (RemoteModel remote : active.remoteModels()) {
				if (aliases.isFloating(remote.provider(), remote.model())) {
					problems.add("manifest version " + active.version() + " " + remote.provider() + " model "
							+ remote.model());
				}
			}
		}
		if (problems.isEmpty()) {
			return;
		}
		String message = "Floating provider model aliases (no pinned snapshot; the provider may change the model"
				+ " behind them at any time): " + problems + ". Pin a dated snapshot or version, or list a fixed"
				+ " name in " + ModelIntegrityProperties.PREFIX + ".pinned-aliases";
		if (failOnFloatingAlias(environment, properties)) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.FLOATING_ALIAS, message);
		}
		logger.warn(message);
	}

	private static Set<ConfigurationPropertyName> modelPropertyNames(ConfigurableEnvironment environment) {
		Set<ConfigurationPropertyName> names = new LinkedHashSet<>();
		ConfigurationPropertyName springAi = ConfigurationPropertyName.of("spring.ai");
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter((name) -> springAi.isAncestorOf(name) && name.getNumberOfElements() >= 4
							&& "model".equals(name.getLastElement(ConfigurationPropertyName.Form.UNIFORM)))
					.forEach(names::add);
			}
		}
		return names;
	}

	static boolean failOnFloatingAlias(ConfigurableEnvironment environment, ModelIntegrityProperties properties) {
		if (properties.getFailOnFloatingAlias() != null) {
			return properties.getFailOnFloatingAlias();
		}
		for (String profile : environment.getActiveProfiles()) {
			if (properties.getProductionProfiles().contains(profile)) {
				return true;
			}
		}
		return false;
	}

	private static Resource resolve(ResourceManifestSource source, ModelArtifact artifact) {
		try {
			return source.resolve(artifact.location());
		}
		catch (IOException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					"Artifact '" + artifact.name() + "' (" + artifact.location() + ") cannot be resolved", ex);
		}
	}

	private static String location(Resource resource, ModelArtifact artifact) {
		try {
			return ResourceManifestSource.locationOf(resource);
		}
		catch (IOException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					"Artifact '" + artifact.name() + "' (" + artifact.location() + ") has no usable location", ex);
		}
	}

	private static boolean isVerifiedBundleFile(Resource resource, ModelVersion active,
			VersionVerification verification) {
		if (active.bundles().isEmpty()) {
			return false;
		}
		try {
			if (!resource.isFile()) {
				return false;
			}
			java.nio.file.Path file = resource.getFile().toPath().toRealPath();
			for (ArtifactStatus status : verification.artifacts()) {
				boolean bundleFile = active.bundles()
					.stream()
					.anyMatch((bundle) -> status.name().startsWith(bundle.name() + "/"));
				if (bundleFile && status.verified()
						&& java.nio.file.Path.of(status.location()).toRealPath().equals(file)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean sameResource(Resource configured, Resource artifact) {
		try {
			URI left = configured.getURI().normalize();
			URI right = artifact.getURI().normalize();
			if (left.equals(right)) {
				return true;
			}
			if (configured.isFile() && artifact.isFile()) {
				return configured.getFile().toPath().toRealPath().equals(artifact.getFile().toPath().toRealPath());
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
