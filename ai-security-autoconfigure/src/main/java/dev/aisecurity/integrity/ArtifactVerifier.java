package dev.aisecurity.integrity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks the artifacts of a manifest version against their listed sizes and SHA-256
 * digests. The size is compared first, so a truncated or padded file fails without being
 * hashed.
 */
public final class ArtifactVerifier {

	private final ArtifactLocator locator;

	private final StreamingDigester digester;

	private final Clock clock;

	private final ModelBundleVerifier bundleVerifier;

	/**
	 * Create a verifier that trusts no Sigstore bundle signer (versions listing bundles
	 * fail).
	 * @param locator finds artifacts
	 * @param digester hashes them
	 * @param clock the clock for timestamps
	 */
	public ArtifactVerifier(ArtifactLocator locator, StreamingDigester digester, Clock clock) {
		this(locator, digester, clock, List.of());
	}

	/**
	 * Create a verifier.
	 * @param locator finds artifacts
	 * @param digester hashes them
	 * @param clock the clock for timestamps
	 * @param bundleKeys the keys trusted to sign model directories in Sigstore bundles
	 * (EC keys; others are ignored)
	 */
	public ArtifactVerifier(ArtifactLocator locator, StreamingDigester digester, Clock clock,
			Collection<TrustedKey> bundleKeys) {
		this.locator = locator;
		this.digester = digester;
		this.clock = clock;
		this.bundleVerifier = new ModelBundleVerifier(locator, digester, new SigstoreBundleVerifier(bundleKeys), clock);
	}

	/**
	 * Verify every artifact and signed model directory of a version. Never throws for a
	 * failed artifact: see {@link VersionVerification#requireVerified()}.
	 * @param version the version
	 * @return one status per artifact, then per bundle and its files
	 */
	public VersionVerification verify(ModelVersion version) {
		List<ArtifactStatus> statuses = new ArrayList<>();
		for (ModelArtifact artifact : version.artifacts()) {
			statuses.add(verify(version.version(), artifact));
		}
		for (ModelBundle bundle : version.bundles()) {
			statuses.addAll(this.bundleVerifier.verify(version.version(), bundle));
		}
		return new VersionVerification(version.version(), statuses, this.clock.instant());
	}

	/**
	 * Verify one artifact.
	 * @param version the version label, for messages
	 * @param artifact the artifact
	 * @return its status
	 */
	public ArtifactStatus verify(String version, ModelArtifact artifact) {
		long start = System.nanoTime();
		String what = "Model artifact '" + artifact.name() + "' (" + artifact.location() + ") of version " + version;
		ArtifactSource source;
		long size;
		try {
			source = this.locator.locate(artifact.location());
			size = source.size();
		}
		catch (IOException | RuntimeException ex) {
			return failed(artifact, null, ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					what + " cannot be read: " + ex.getClass().getSimpleName(), start);
		}
		if (size >= 0 && size != artifact.size()) {
			return failed(artifact, null, ModelIntegrityException.Reason.SIZE_MISMATCH,
					what + " has " + size + " bytes but the manifest expects " + artifact.size(), start);
		}
		StreamingDigester.Digest digest;
		try {
			digest = this.digester.digest(source);
		}
		catch (IOException | RuntimeException ex) {
			return failed(artifact, null, ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					what + " cannot be read: " + ex.getClass().getSimpleName(), start);
		}
		if (digest.size() != artifact.size()) {
			return failed(artifact, digest.sha256(), ModelIntegrityException.Reason.SIZE_MISMATCH,
					what + " has " + digest.size() + " bytes but the manifest expects " + artifact.size(), start);
		}
		if (!java.security.MessageDigest.isEqual(digest.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				artifact.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
			return failed(artifact, digest.sha256(), ModelIntegrityException.Reason.DIGEST_MISMATCH,
					what + " failed verification: expected SHA-256 " + Sha256.prefix(artifact.sha256()) + " but found "
							+ Sha256.prefix(digest.sha256()),
					start);
		}
		return new ArtifactStatus(artifact.name(), artifact.location(), artifact.sha256(), digest.sha256(),
				artifact.size(), true, null, null, now(), elapsed(start));
	}

	private ArtifactStatus failed(ModelArtifact artifact, String actual, ModelIntegrityException.Reason reason,
			String message, long start) {
		return new ArtifactStatus(artifact.name(), artifact.location(), artifact.sha256(), actual, artifact.size(),
				false, reason.code(), message, now(), elapsed(start));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
