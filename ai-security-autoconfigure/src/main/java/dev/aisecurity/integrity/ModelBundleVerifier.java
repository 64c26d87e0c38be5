package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a model directory signed with OpenSSF model signing: the bundle's signature
 * ({@link SigstoreBundleVerifier}), then every file of the directory against the signed
 * statement. Each listed file must exist with the signed SHA-256 (hashed by the
 * {@link StreamingDigester}, with progress logging), and every file of the directory,
 * minus the statement's {@code ignore_paths} and the bundle itself, must be listed.
 * <p>
 * The outcome is one {@link ArtifactStatus} for the bundle (named after the entry, with
 * the subject digest) and one per file (named {@code <entry>/<file>}), so the inventory
 * and the failure messages name the file and the expected and actual digest prefixes.
 */
public final class ModelBundleVerifier {

	private final ArtifactLocator locator;

	private final StreamingDigester digester;

	private final SigstoreBundleVerifier bundleVerifier;

	private final Clock clock;

	/**
	 * Create a verifier.
	 * @param locator resolves bundle and directory locations
	 * @param digester hashes files
	 * @param bundleVerifier checks bundle signatures against the trusted keys
	 * @param clock the clock for timestamps
	 */
	public ModelBundleVerifier(ArtifactLocator locator, StreamingDigester digester,
			SigstoreBundleVerifier bundleVerifier, Clock clock) {
		this.locator = locator;
		this.digester = digester;
		this.bundleVerifier = bundleVerifier;
		this.clock = clock;
	}

	/**
	 * Verify a signed model directory. Never throws for a failed check: see
	 * {@link VersionVerification#requireVerified()}.
	 * @param version the version label, for messages
	 * @param bundle the manifest entry
	 * @return the bundle status first, then one status per file
	 */
	public List<ArtifactStatus> verify(String version, ModelBundle bundle) {
		long start = System.nanoTime();
		String what = "Model version " + version + ", bundle entry '" + bundle.name() + "'";
		SigstoreBundleVerifier.Verified verified;
		Path directory;
		Path bundlePath;
		try {
			byte[] bytes = read(bundle.location());
			verified = this.bundleVerifier.verify(bytes, bundle.location());
			directory = this.locator.path(bundle.directory());
			bundlePath = path(bundle.location());
		}
		catch (ModelIntegrityException ex) {
			return List.of(failed(bundle, null, ex.reason(), what + ": " + ex.getMessage(), start));
		}
		catch (IOException | RuntimeException ex) {
			return List.of(failed(bundle, null, ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					what + ": bundle " + bundle.location() + " or model directory " + bundle.directory()
							+ " cannot be read: " + ex.getClass().getSimpleName()
							+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""),
					start));
		}
		ModelSigningStatement statement = verified.statement();
		Map<String, Path> present;
		try {
			List<String> ignore = new ArrayList<>(statement.ignorePaths());
			present = ModelDirectory.files(directory, ignore, (bundlePath != null) ? List.of(bundlePath) : List.of(),
					statement.allowSymlinks());
		}
		catch (ModelIntegrityException ex) {
			return List.of(failed(bundle, null, ex.reason(), what + ": " + ex.getMessage(), start));
		}
		List<ArtifactStatus> files = new ArrayList<>();
		Map<String, Path> unlisted = new LinkedHashMap<>(present);
		MessageDigest subject = Sha256.newDigest();
		for (ModelSigningStatement.Resource resource : statement.resources()) {
			Path file = unlisted.remove(resource.name());
			ArtifactStatus status = verifyFile(bundle, version, directory, resource, file);
			subject.update(
					HexFormat.of().parseHex((status.actualSha256() != null) ? status.actualSha256() : "0".repeat(64)));
			files.add(status);
		}
		for (String name : unlisted.keySet()) {
			files
				.add(new ArtifactStatus(bundle.name() + "/" + name, directory.resolve(name).toString(), null, null, -1,
						false, ModelIntegrityException.Reason.UNLISTED_RESOURCE.code(),
						what + ": file '" + name + "' in model directory " + directory
								+ " is not listed in the signed statement; remove it or sign the model again",
						now(), 0));
		}
		boolean allVerified = files.stream().allMatch(ArtifactStatus::verified);
		String actualSubject = Sha256.hex(subject.digest());
		List<ArtifactStatus> result = new ArrayList<>();
		result.add(new ArtifactStatus(bundle.name(), bundle.location(), statement.subjectSha256(), actualSubject, -1,
				allVerified, allVerified ? null : firstFailure(files).failureCode(),
				allVerified ? null : firstFailure(files).message(), now(), elapsed(start)));
		result.addAll(files);
		return result;
	}

	private ArtifactStatus verifyFile(ModelBundle bundle, String version, Path directory,
			ModelSigningStatement.Resource resource, Path file) {
		long start = System.nanoTime();
		String name = bundle.name() + "/" + resource.name();
		String location = directory.resolve(resource.name()).toString();
		String what = "Model version " + version + ", bundle entry '" + bundle.name() + "': file '" + resource.name()
				+ "'";
		if (file == null) {
			return new ArtifactStatus(name, location, resource.sha256(), null, -1, false,
					ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE.code(), what + " is missing from " + directory
							+ " (expected SHA-256 " + Sha256.prefix(resource.sha256()) + ")",
					now(), elapsed(start));
		}
		StreamingDigester.Digest digest;
		try {
			digest = this.digester.digest(ArtifactLocator.file(file));
		}
		catch (IOException | RuntimeException ex) {
			return new ArtifactStatus(name, location, resource.sha256(), null, -1, false,
					ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE.code(),
					what + " cannot be read: " + ex.getClass().getSimpleName(), now(), elapsed(start));
		}
		if (!MessageDigest.isEqual(digest.sha256().getBytes(StandardCharsets.US_ASCII),
				resource.sha256().getBytes(StandardCharsets.US_ASCII))) {
			return new ArtifactStatus(name, location, resource.sha256(), digest.sha256(), digest.size(), false,
					ModelIntegrityException.Reason.DIGEST_MISMATCH.code(),
					what + " failed verification: expected SHA-256 " + Sha256.prefix(resource.sha256()) + " but found "
							+ Sha256.prefix(digest.sha256()),
					now(), elapsed(start));
		}
		return new ArtifactStatus(name, location, resource.sha256(), digest.sha256(), digest.size(), true, null, null,
				now(), elapsed(start));
	}

	private byte[] read(String location) throws IOException {
		ArtifactSource source = this.locator.locate(location);
		try (InputStream in = Channels.newInputStream(source.open())) {
			byte[] bytes = in.readNBytes(Json.MAX_DOCUMENT_BYTES + 1);
			if (bytes.length > Json.MAX_DOCUMENT_BYTES) {
				throw new IOException("bundle larger than " + Json.MAX_DOCUMENT_BYTES + " bytes");
			}
			return bytes;
		}
	}

	private Path path(String location) {
		try {
			return this.locator.path(location);
		}
		catch (IOException ex) {
			// The bundle is not on the file system, so it cannot be inside the directory
			return null;
		}
	}

	private static ArtifactStatus firstFailure(List<ArtifactStatus> statuses) {
		return statuses.stream().filter((status) -> !status.verified()).findFirst().orElseThrow();
	}

	private ArtifactStatus failed(ModelBundle bundle, String actual, ModelIntegrityException.Reason reason,
			String message, long start) {
		return new ArtifactStatus(bundle.name(), bundle.location(), null, actual, -1, false, reason.code(), message,
				now(), elapsed(start));
	}

	private java.time.Instant now() {
		return this.clock.instant();
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
