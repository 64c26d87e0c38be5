package dev.aisecurity.integrity;

import java.time.Instant;

/**
 * The outcome of verifying one artifact.
 *
 * @param name the artifact name
 * @param location where it was read from
 * @param expectedSha256 the digest the manifest lists
 * @param actualSha256 the digest found, or {@code null} if the artifact could not be
 * hashed (missing, wrong size)
 * @param size the size the manifest lists
 * @param verified whether the artifact matched
 * @param failureCode the {@link ModelIntegrityException.Reason#code() code} of a failure,
 * or {@code null}
 * @param message a description of a failure, or {@code null}
 * @param verifiedAt when the check finished
 * @param durationMillis how long the check took
 */
public record ArtifactStatus(String name, String location, String expectedSha256, String actualSha256, long size,
		boolean verified, String failureCode, String message, Instant verifiedAt, long durationMillis) {

}
