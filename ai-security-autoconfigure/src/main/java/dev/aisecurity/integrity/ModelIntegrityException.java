package dev.aisecurity.integrity;

/**
 * Thrown when a manifest, its signature or a model artifact fails verification. The
 * message names files, versions and digest prefixes; never file contents.
 */
public class ModelIntegrityException extends RuntimeException {

	private final Reason reason;

	/**
	 * Create an exception.
	 * @param reason why verification failed
	 * @param message the message
	 */
	public ModelIntegrityException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Create an exception with a cause.
	 * @param reason why verification failed
	 * @param message the message
	 * @param cause the cause
	 */
	public ModelIntegrityException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Why verification failed.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why verification failed; {@link #code()} is a stable identifier for problem details
	 * and audit records.
	 */
	public enum Reason {

		/** The manifest could not be read or is malformed. */
		MANIFEST_INVALID("model-manifest-invalid"),
		/** No signature was found where one is required. */
		SIGNATURE_MISSING("model-signature-missing"),
		/** The signature does not match the manifest. */
		SIGNATURE_INVALID("model-signature-invalid"),
		/** The signature was made with a key that is not trusted. */
		UNTRUSTED_KEY("model-signature-untrusted-key"),
		/** An artifact could not be found or read. */
		ARTIFACT_UNAVAILABLE("model-artifact-unavailable"),
		/** An artifact has the wrong size. */
		SIZE_MISMATCH("model-artifact-size-mismatch"),
		/** An artifact has the wrong digest. */
		DIGEST_MISMATCH("model-artifact-digest-mismatch"),
		/** A version is not listed in the manifest. */
		UNKNOWN_VERSION("model-version-unknown"),
		/** A configured resource is not listed in the manifest. */
		UNLISTED_RESOURCE("model-resource-unlisted"),
		/** A provider model name floats (no pinned snapshot). */
		FLOATING_ALIAS("model-floating-alias"),
		/** There is no verified version to roll back to. */
		NO_ROLLBACK_TARGET("model-rollback-unavailable"),
		/**
		 * A Sigstore bundle uses a form this verifier does not support (keyless, another
		 * predicate, serialization method or hash).
		 */
		BUNDLE_UNSUPPORTED("model-bundle-unsupported"),
		/**
		 * A signed model directory holds a symbolic link its signature does not allow.
		 */
		SYMLINK_REFUSED("model-artifact-symlink");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/**
		 * A stable identifier.
		 * @return the code
		 */
		public String code() {
			return this.code;
		}

	}

}
