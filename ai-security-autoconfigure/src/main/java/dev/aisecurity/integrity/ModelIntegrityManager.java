package dev.aisecurity.integrity;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a signed model manifest and the artifacts of the active version, keeps the
 * last known good version, and rolls back. Plain Java: the Spring integration and the
 * command-line tool both drive it.
 * <p>
 * The active version is, in order: the configured one; the one recorded in the state
 * store (so a rollback survives a restart); the newest in the manifest.
 */
public class ModelIntegrityManager {

	private final ManifestSource source;

	private final ManifestVerifier manifestVerifier;

	private final StreamingDigester digester;

	private final ModelStateStore stateStore;

	private final String configuredVersion;

	private final Clock clock;

	private final Map<String, VersionVerification> verifications = new ConcurrentHashMap<>();

	private volatile ModelManifest manifest;

	private volatile String signedBy;

	private volatile ModelState state = ModelState.EMPTY;

	/**
	 * Create a manager.
	 * @param source the manifest, signature and artifacts
	 * @param manifestVerifier checks the manifest signature
	 * @param digester hashes artifacts
	 * @param stateStore keeps the active and last known good versions
	 * @param configuredVersion the version to activate, or {@code null} for the recorded
	 * or newest one
	 * @param clock the clock for timestamps
	 */
	public ModelIntegrityManager(ManifestSource source, ManifestVerifier manifestVerifier, StreamingDigester digester,
			ModelStateStore stateStore, String configuredVersion, Clock clock) {
		this.source = source;
		this.manifestVerifier = manifestVerifier;
		this.digester = digester;
		this.stateStore = stateStore;
		this.configuredVersion = (configuredVersion != null && !configuredVersion.isBlank()) ? configuredVersion : null;
		this.clock = clock;
	}

	/**
	 * Verify the manifest and the artifacts of the version to activate, and record it as
	 * active. Fails fast: nothing may load a model before this returns.
	 * @return the verification of the activated version
	 * @throws ModelIntegrityException if the manifest, its signature or an artifact fails
	 */
	public synchronized VersionVerification initialize() {
		ModelManifest loaded = loadManifest();
		ModelState recorded = this.stateStore.load();
		String target = this.configuredVersion;
		if (target == null && recorded.activeVersion() != null
				&& loaded.version(recorded.activeVersion()).isPresent()) {
			target = recorded.activeVersion();
		}
		ModelVersion version = (target != null) ? requireVersion(loaded, target) : loaded.latest();
		VersionVerification verification = verifyVersion(version).requireVerified();
		this.state = recorded.activate(version.version());
		this.stateStore.save(this.state);
		return verification;
	}

	/**
	 * Verify again, on demand: the manifest signature and the active version's artifacts
	 * as they are on disk now. Records the outcome; throws only if the manifest itself
	 * fails.
	 * @return the verification of the active version
	 */
	public synchronized VersionVerification verifyActive() {
		ModelManifest loaded = loadManifest();
		return verifyVersion(requireVersion(loaded, requireActive()));
	}

	/**
	 * Roll back to the last known good version, verifying it first. The target is the
	 * verified version activated before the current one; without such history, the
	 * version listed before the current one in the manifest.
	 * @return the verification of the version now active
	 * @throws ModelIntegrityException if there is nothing to roll back to or the target
	 * fails verification (the active version then stays as it was)
	 */
	public synchronized Rollback rollback() {
		ModelManifest loaded = loadManifest();
		String current = requireActive();
		Optional<ModelVersion> target = this.state.lastKnownGood().flatMap(loaded::version);
		if (target.isEmpty()) {
			target = loaded.previous(current);
		}
		if (target.isEmpty()) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.NO_ROLLBACK_TARGET,
					"No verified version older than " + current + " to roll back to");
		}
		VersionVerification verification = verifyVersion(target.get()).requireVerified();
		this.state = this.state.rollBackTo(target.get().version());
		this.stateStore.save(this.state);
		return new Rollback(current, target.get().version(), verification);
	}

	/**
	 * Whether a version has been verified and activated.
	 * @return {@code true} after a successful {@link #initialize()}
	 */
	public boolean isInitialized() {
		return this.state.activeVersion() != null && this.manifest != null;
	}

	/**
	 * The active version.
	 * @return the version
	 * @throws IllegalStateException before {@link #initialize()}
	 */
	public ModelVersion activeVersion() {
		return requireVersion(requireManifest(), requireActive());
	}

	/**
	 * The verified manifest.
	 * @return the manifest
	 */
	public ModelManifest manifest() {
		return requireManifest();
	}

	/**
	 * Where an artifact of the active version lives, for code that loads it.
	 * @param name the artifact name
	 * @return its source
	 * @throws ModelIntegrityException if the active version has no such artifact or it
	 * failed its last verification
	 */
	public ArtifactSource activeArtifact(String name) {
		ModelVersion version = activeVersion();
		Optional<ArtifactStatus> bundleFile = verifiedBundleFile(version, name);
		if (bundleFile.isPresent()) {
			return ArtifactLocator.file(java.nio.file.Path.of(bundleFile.get().location()));
		}
		ModelArtifact artifact = version.artifact(name)
			.orElseThrow(() -> new ModelIntegrityException(ModelIntegrityException.Reason.UNLISTED_RESOURCE,
					"Version " + version.version() + " lists no artifact '" + name + "'"));
		VersionVerification verification = this.verifications.get(version.version());
		if (verification == null || verification.artifacts()
			.stream()
			.noneMatch((status) -> status.name().equals(name) && status.verified())) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.DIGEST_MISMATCH,
					"Artifact '" + name + "' of version " + version.version() + " is not verified");
		}
		try {
			return this.source.artifacts().locate(artifact.location());
		}
		catch (IOException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					"Artifact '" + name + "' cannot be located", ex);
		}
	}

	/**
	 * The verification of a file of a signed model directory ({@code <bundle>/<file>}) of
	 * the active version, if it passed.
	 * @param name the bundle entry name, '/', the file's path in the directory
	 * @return the status of the verified file, empty if unlisted or not verified
	 */
	public Optional<ArtifactStatus> verifiedBundleFile(String name) {
		return verifiedBundleFile(activeVersion(), name);
	}

	private Optional<ArtifactStatus> verifiedBundleFile(ModelVersion version, String name) {
		VersionVerification verification = this.verifications.get(version.version());
		boolean inBundle = version.bundles().stream().anyMatch((bundle) -> name.startsWith(bundle.name() + "/"));
		if (!inBundle || verification == null) {
			return Optional.empty();
		}
		return verification.artifacts()
			.stream()
			.filter((status) -> status.name().equals(name) && status.verified())
			.findFirst();
	}

	/**
	 * A snapshot for reporting.
	 * @return the inventory
	 */
	public ModelInventory inventory() {
		ModelManifest current = requireManifest();
		ModelState currentState = this.state;
		List<ModelInventory.VersionEntry> entries = new ArrayList<>();
		for (ModelVersion version : current.versions()) {
			VersionVerification verification = this.verifications.get(version.version());
			boolean active = version.version().equals(currentState.activeVersion());
			if (verification == null) {
				List<ArtifactStatus> listed = version.artifacts()
					.stream()
					.map((artifact) -> new ArtifactStatus(artifact.name(), artifact.location(), artifact.sha256(), null,
							artifact.size(), false, null, null, null, 0))
					.toList();
				List<ArtifactStatus> all = new ArrayList<>(listed);
				for (ModelBundle bundle : version.bundles()) {
					all.add(new ArtifactStatus(bundle.name(), bundle.location(), null, null, -1, false, null, null,
							null, 0));
				}
				entries.add(new ModelInventory.VersionEntry(version.version(), active, "UNVERIFIED", null, all,
						version.remoteModels()));
			}
			else {
				entries.add(new ModelInventory.VersionEntry(version.version(), active,
						verification.verified() ? "VERIFIED" : "FAILED", verification.verifiedAt(),
						verification.artifacts(), version.remoteModels()));
			}
		}
		return new ModelInventory(current.name(), this.source.description(), this.signedBy,
				currentState.activeVersion(), currentState.lastKnownGood().orElse(null), entries);
	}

	private ModelManifest loadManifest() {
		byte[] manifestBytes;
		byte[] signatureBytes;
		try {
			manifestBytes = this.source.readManifest();
			signatureBytes = this.source.readSignature();
		}
		catch (IOException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.MANIFEST_INVALID,
					"Model manifest " + this.source.description() + " cannot be read: " + ex.getClass().getSimpleName(),
					ex);
		}
		ModelManifest loaded = this.manifestVerifier.verify(manifestBytes, signatureBytes, this.source.description());
		this.signedBy = (signatureBytes != null) ? ManifestSignature.parse(signatureBytes).keyId() : null;
		if (this.manifest != null && !this.manifest.equals(loaded)) {
			// A new signed manifest: earlier results describe other content
			this.verifications.clear();
		}
		this.manifest = loaded;
		return loaded;
	}

	private VersionVerification verifyVersion(ModelVersion version) {
		ArtifactVerifier verifier = new ArtifactVerifier(this.source.artifacts(), this.digester, this.clock,
				this.manifestVerifier.trustedKeys());
		VersionVerification verification = verifier.verify(version);
		this.verifications.put(version.version(), verification);
		return verification;
	}

	private ModelManifest requireManifest() {
		ModelManifest current = this.manifest;
		if (current == null) {
			throw new IllegalStateException("The model manifest has not been verified yet");
		}
		return current;
	}

	private String requireActive() {
		String active = this.state.activeVersion();
		if (active == null) {
			throw new IllegalStateException("No model version is active yet");
		}
		return active;
	}

	private static ModelVersion requireVersion(ModelManifest manifest, String version) {
		return manifest.version(version)
			.orElseThrow(() -> new ModelIntegrityException(ModelIntegrityException.Reason.UNKNOWN_VERSION,
					"Model version " + version + " is not listed in the manifest; listed: "
							+ manifest.versions().stream().map(ModelVersion::version).toList()));
	}

	/**
	 * The outcome of a rollback.
	 *
	 * @param fromVersion the version that was active
	 * @param toVersion the version now active
	 * @param verification the verification of the version now active
	 */
	public record Rollback(String fromVersion, String toVersion, VersionVerification verification) {

	}

}
