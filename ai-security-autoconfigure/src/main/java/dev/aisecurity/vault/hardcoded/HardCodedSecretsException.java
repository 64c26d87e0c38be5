package dev.aisecurity.vault.hardcoded;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Start-up refused because configuration files hold literal secrets in a production
 * profile. The message names each property and its source, never a value.
 */
public class HardCodedSecretsException extends RuntimeException {

	private final List<HardCodedSecret> secrets;

	private final List<String> productionProfiles;

	public HardCodedSecretsException(List<HardCodedSecret> secrets, List<String> productionProfiles) {
		super("Hard-coded secrets in configuration with production profile(s) " + productionProfiles + ": "
				+ secrets.stream().map(HardCodedSecret::toString).collect(Collectors.joining("; ")));
		this.secrets = List.copyOf(secrets);
		this.productionProfiles = List.copyOf(productionProfiles);
	}

	/** The offending properties. */
	public List<HardCodedSecret> getSecrets() {
		return this.secrets;
	}

	/** The active production profiles that made the finding fatal. */
	public List<String> getProductionProfiles() {
		return this.productionProfiles;
	}

}
