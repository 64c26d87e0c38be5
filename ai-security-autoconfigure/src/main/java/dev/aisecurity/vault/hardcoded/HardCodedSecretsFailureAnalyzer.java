package dev.aisecurity.vault.hardcoded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link HardCodedSecretsException} into a clear start-up failure report: which
 * properties, in which files, and how to supply them instead. Never shows a value.
 */
public class HardCodedSecretsFailureAnalyzer extends AbstractFailureAnalyzer<HardCodedSecretsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HardCodedSecretsException cause) {
		StringBuilder description = new StringBuilder("Start-up refused: configuration holds literal secrets while "
				+ "the production profile(s) " + cause.getProductionProfiles() + " are active:\n");
		for (HardCodedSecret secret : cause.getSecrets()) {
			description.append("\n    - ")
				.append(secret.property())
				.append("\n        source: ")
				.append(secret.source())
				.append("\n        reason: ")
				.append(secret.reason());
		}
		description.append("\n\nThe values are not shown.");
		String action = """
				Remove the values from packaged and file configuration and supply them at run time instead:
				    - from Vault (spring.config.import=vault:// with spring.cloud.vault.*, see docs/vault.md),
				    - from a mounted secrets directory (spring.config.import=configtree:/run/secrets/),
				    - or from environment variables (for example SPRING_AI_OPENAI_API_KEY),
				    - or reference them with a placeholder such as ${OPENAI_API_KEY}.
				Rotate any key that was committed to a file. Adjust the check with ai.security.secrets.*.""";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
