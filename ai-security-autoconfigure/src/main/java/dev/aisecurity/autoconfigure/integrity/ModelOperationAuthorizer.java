package dev.aisecurity.autoconfigure.integrity;

/**
 * Decides who may use the {@code aimodels} endpoint: the hook through which an
 * application's own authorization (or the starter's MFA support) plugs in. Declare a bean
 * of this type to replace the default, which requires the configured role for reading and
 * the role plus all configured authentication factors for operations.
 */
@FunctionalInterface
public interface ModelOperationAuthorizer {

	/**
	 * Check the current caller.
	 * @param operation the operation
	 * @throws RuntimeException if the caller may not run the operation (with Spring
	 * Security, an {@code AccessDeniedException} or {@code AuthenticationException}, so
	 * that its exception handling answers 401/403 or asks for the missing factor)
	 */
	void authorize(Operation operation);

	/**
	 * What the caller wants to do.
	 */
	enum Operation {

		/** List manifest versions and verification status. */
		READ,
		/** Verify the active version again (hashes every artifact). */
		VERIFY,
		/** Roll back to the last known good version. */
		ROLLBACK

	}

}
