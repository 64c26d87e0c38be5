package dev.aisecurity.autoconfigure.integrity;

import dev.aisecurity.integrity.ModelIntegrityException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up refused by model integrity checks.
 */
class ModelIntegrityFailureAnalyzer extends AbstractFailureAnalyzer<ModelIntegrityException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ModelIntegrityException cause) {
		String action = switch (cause.reason()) {
			case DIGEST_MISMATCH, SIZE_MISMATCH ->
				"The model file differs from the signed manifest or Sigstore bundle. Restore the file from a trusted"
						+ " source, or, if the change is intended, update the manifest (ModelManifestTool update) or"
						+ " sign the model directory again (model_signing sign key, ModelManifestTool sign-bundle).";
			case BUNDLE_UNSUPPORTED ->
				"Sign the model directory with a key (model_signing sign key, files serialization, SHA-256) or"
						+ " with ModelManifestTool sign-bundle; keyless Sigstore bundles are not verified here.";
			case SYMLINK_REFUSED ->
				"Replace the symbolic link with the file, or sign the model again allowing symbolic links.";
			case SIGNATURE_INVALID, SIGNATURE_MISSING ->
				"Sign the manifest with a trusted key (ModelManifestTool sign), or restore the manifest that was"
						+ " signed.";
			case UNTRUSTED_KEY ->
				"Add the signer's public key to " + ModelIntegrityProperties.PREFIX + ".trusted-keys, if you trust it.";
			case FLOATING_ALIAS -> "Pin the provider models to dated snapshots, or set "
					+ ModelIntegrityProperties.PREFIX + ".fail-on-floating-alias=false.";
			case UNKNOWN_VERSION ->
				"Set " + ModelIntegrityProperties.PREFIX + ".active-version to a version the manifest lists.";
			default -> "Check " + ModelIntegrityProperties.PREFIX + ".* and the model manifest.";
		};
		return new FailureAnalysis(
				"Model integrity check failed [" + cause.reason().code() + "]: " + cause.getMessage(), action, cause);
	}

}
