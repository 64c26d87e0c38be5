package dev.aisecurity.vault.hardcoded;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The start-up check for secrets written literally into configuration files. Bound by
 * {@link HardCodedSecretsEnvironmentPostProcessor} before the application context exists.
 */
@ConfigurationProperties("ai.security.secrets")
public class HardCodedSecretsProperties {

	/**
	 * Whether configuration is checked for literal secrets at start-up.
	 */
	private boolean startupCheck = true;

	/**
	 * Profiles in which a literal secret fails start-up; in every other profile it is
	 * logged as a warning.
	 */
	private List<String> productionProfiles = new ArrayList<>(List.of("prod"));

	/**
	 * Property-name patterns whose values are secrets ({@code *} matches any text; names
	 * are compared in lower-case kebab form).
	 */
	private List<String> secretProperties = new ArrayList<>(List.of("*.api-key", "*-api-key", "*.apikey", "*.password",
			"*-password", "*secret*", "*token*", "*.private-key", "*credentials*"));

	/**
	 * Property-name patterns that never hold secrets although they match
	 * {@code secret-properties} (locations, switches, sizes, header names).
	 */
	private List<String> ignoredProperties = new ArrayList<>(List.of("ai.security.secrets.*", "*-uri", "*.uri", "*-url",
			"*.url", "*-header", "*-header-name", "*-file", "*-path", "*-location", "*.enabled", "*-enabled", "*-ttl",
			"*-timeout", "*-length", "*-size", "*-algorithm"));

	/**
	 * Property-source name prefixes checked in addition to packaged and file
	 * configuration and default properties (for example {@code commandLineArgs} or
	 * {@code systemProperties}, both visible in process listings).
	 */
	private List<String> additionalCheckedSources = new ArrayList<>();

	public boolean isStartupCheck() {
		return this.startupCheck;
	}

	public void setStartupCheck(boolean startupCheck) {
		this.startupCheck = startupCheck;
	}

	public List<String> getProductionProfiles() {
		return this.productionProfiles;
	}

	public void setProductionProfiles(List<String> productionProfiles) {
		this.productionProfiles = productionProfiles;
	}

	public List<String> getSecretProperties() {
		return this.secretProperties;
	}

	public void setSecretProperties(List<String> secretProperties) {
		this.secretProperties = secretProperties;
	}

	public List<String> getIgnoredProperties() {
		return this.ignoredProperties;
	}

	public void setIgnoredProperties(List<String> ignoredProperties) {
		this.ignoredProperties = ignoredProperties;
	}

	public List<String> getAdditionalCheckedSources() {
		return this.additionalCheckedSources;
	}

	public void setAdditionalCheckedSources(List<String> additionalCheckedSources) {
		this.additionalCheckedSources = additionalCheckedSources;
	}

}
