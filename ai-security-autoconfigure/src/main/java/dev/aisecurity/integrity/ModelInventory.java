package dev.aisecurity.integrity;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of the model manifest and the verification state of each version, as the
 * actuator endpoint shows it.
 *
 * @param manifest the manifest name
 * @param source where the manifest was read from
 * @param signedBy the id of the key that signed the manifest, or {@code null} if unsigned
 * @param activeVersion the active version
 * @param lastKnownGood the verified version activated before the active one, or
 * {@code null}
 * @param versions every version in the manifest, oldest first
 */
public record ModelInventory(String manifest, String source, String signedBy, String activeVersion,
		String lastKnownGood, List<VersionEntry> versions) {

	public ModelInventory {
		versions = List.copyOf(versions);
	}

	/**
	 * One version.
	 *
	 * @param version the label
	 * @param active whether it is the active version
	 * @param status {@code VERIFIED}, {@code FAILED} or {@code UNVERIFIED}
	 * @param verifiedAt when it was last verified, or {@code null}
	 * @param artifacts the artifact statuses of the last verification, or the listed
	 * artifacts (unverified)
	 * @param remoteModels the pinned remote models
	 */
	public record VersionEntry(String version, boolean active, String status, Instant verifiedAt,
			List<ArtifactStatus> artifacts, List<RemoteModel> remoteModels) {

	}

}
