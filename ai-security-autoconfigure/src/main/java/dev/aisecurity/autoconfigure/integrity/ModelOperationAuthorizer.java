package dev.aisecurity.autoconfigure.integrity;

import java.util.function.Supplier;

import dev.aisecurity.web.mfa.MfaPolicy;

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
	 * The default authoriser on Spring Security 7 (role, plus MFA for operations), for
	 * other admin endpoints that reuse the same rules (the kill switch) when model
	 * integrity is not configured. Needs Spring Security on the class path.
	 * @param admin the role and factor settings
	 * @param mfaPolicy the application-wide MFA policy, may supply null
	 * @return the authoriser
	 */
	static ModelOperationAuthorizer springSecurity(ModelIntegrityProperties.Admin admin,
			Supplier<MfaPolicy> mfaPolicy) {
		return new SecurityModelOperationAuthorizer(admin, mfaPolicy);
	}

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
