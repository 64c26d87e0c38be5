package dev.aisecurity.integrity;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying every artifact of one version.
 *
 * @param version the version label
 * @param artifacts one status per artifact
 * @param verifiedAt when the check finished
 */
public record VersionVerification(String version, List<ArtifactStatus> artifacts, Instant verifiedAt) {

	public VersionVerification {
		artifacts = List.copyOf(artifacts);
	}

	/**
	 * Whether every artifact matched.
	 * @return {@code true} if the version may be loaded
	 */
	public boolean verified() {
		return this.artifacts.stream().allMatch(ArtifactStatus::verified);
	}

	/**
	 * Throw for the first failed artifact.
	 * @return this verification, if it passed
	 * @throws ModelIntegrityException if an artifact failed
	 */
	public VersionVerification requireVerified() {
		for (ArtifactStatus status : this.artifacts) {
			if (!status.verified()) {
				throw new ModelIntegrityException(reasonOf(status.failureCode()), status.message());
			}
		}
		return this;
	}

	private static ModelIntegrityException.Reason reasonOf(String code) {
		for (ModelIntegrityException.Reason reason : ModelIntegrityException.Reason.values()) {
			if (reason.code().equals(code)) {
				return reason;
			}
		}
		return ModelIntegrityException.Reason.DIGEST_MISMATCH;
	}

}
