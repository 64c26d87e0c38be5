package dev.aisecurity.vault.hardcoded;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks configuration for literal secrets once all configuration data (files, Vault,
 * config trees) has been loaded and profiles are known. In a production profile
 * ({@code ai.security.secrets.production-profiles}, default {@code prod}) a finding stops
 * start-up with {@link HardCodedSecretsException}, reported by
 * {@link HardCodedSecretsFailureAnalyzer}; in other profiles it is logged as a warning.
 * Reports name the property and its source, never the value.
 */
public class HardCodedSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Runs after configuration data has been loaded. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private final Log logger;

	public HardCodedSecretsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(HardCodedSecretsEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		HardCodedSecretsProperties properties = Binder.get(environment)
			.bind("ai.security.secrets", Bindable.of(HardCodedSecretsProperties.class))
			.orElseGet(HardCodedSecretsProperties::new);
		if (!properties.isStartupCheck()) {
			return;
		}
		List<HardCodedSecret> secrets = new SecretPropertyInspector(properties).inspect(environment);
		if (secrets.isEmpty()) {
			return;
		}
		List<String> production = Arrays.stream(environment.getActiveProfiles())
			.filter(properties.getProductionProfiles()::contains)
			.toList();
		if (!production.isEmpty()) {
			throw new HardCodedSecretsException(secrets, production);
		}
		for (HardCodedSecret secret : secrets) {
			this.logger.warn("Literal secret in configuration: " + secret
					+ ". Start-up would be refused in the production profile(s) " + properties.getProductionProfiles()
					+ "; supply it from Vault, a secrets mount or the " + "environment instead.");
		}
	}

}
