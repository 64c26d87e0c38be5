package dev.aisecurity.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The security posture report ({@code ai.security.posture.*}): the {@code aisecurity}
 * actuator endpoint and the start-up summary of gaps.
 */
@ConfigurationProperties("ai.security.posture")
public class PostureProperties {

	/**
	 * Whether to evaluate the posture and log one line per gap at start-up.
	 */
	private boolean logOnStartup = true;

	/**
	 * Profiles evaluated strictly (TLS, literal provider secrets and per-instance rate
	 * limits count as gaps). When empty, 'ai.security.secrets.production-profiles' is
	 * used, and 'prod' when that is not set either.
	 */
	private List<String> productionProfiles = new ArrayList<>();

	/**
	 * Properties holding AI provider credentials whose origin (Vault, environment,
	 * secrets mount, command line, configuration file) is reported. Values are never read
	 * into the report.
	 */
	private List<String> secretProperties = new ArrayList<>(List.of("spring.ai.openai.api-key",
			"spring.ai.openai.chat.api-key", "spring.ai.anthropic.api-key", "spring.ai.azure.openai.api-key",
			"spring.ai.mistralai.api-key", "spring.ai.vertex.ai.gemini.api-key", "spring.ai.google.genai.api-key"));

	/**
	 * Whether TLS is terminated by a proxy or load balancer in front of the application:
	 * the TLS control then counts as active without 'server.ssl.enabled'.
	 */
	private boolean tlsTerminatedUpstream;

	public boolean isLogOnStartup() {
		return this.logOnStartup;
	}

	public void setLogOnStartup(boolean logOnStartup) {
		this.logOnStartup = logOnStartup;
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

	public boolean isTlsTerminatedUpstream() {
		return this.tlsTerminatedUpstream;
	}

	public void setTlsTerminatedUpstream(boolean tlsTerminatedUpstream) {
		this.tlsTerminatedUpstream = tlsTerminatedUpstream;
	}

}
