package dev.aisecurity.autoconfigure.integrity;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The default {@link ModelOperationAuthorizer} on Spring Security 7: reading needs the
 * configured role; verify and rollback need the role and, when MFA is on, every
 * configured factor authority ({@code FACTOR_PASSWORD}, {@code FACTOR_OTT}, ...), checked
 * with {@link AuthorizationManagerFactories#multiFactor()}. A denial throws Spring
 * Security's own exceptions, so a missing factor leads to its factor login flow.
 */
class SecurityModelOperationAuthorizer implements ModelOperationAuthorizer {

	private final AuthorizationManager<Operation> read;

	private final AuthorizationManager<Operation> write;

	SecurityModelOperationAuthorizer(ModelIntegrityProperties.Admin admin) {
		this.read = AuthorityAuthorizationManager.hasRole(admin.getRole());
		if (admin.isMfa()) {
			this.write = AuthorizationManagerFactories.<Operation>multiFactor()
				.requireFactors(admin.getRequiredFactors().toArray(String[]::new))
				.build()
				.hasRole(admin.getRole());
		}
		else {
			this.write = AuthorityAuthorizationManager.hasRole(admin.getRole());
		}
	}

	@Override
	public void authorize(Operation operation) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			throw new AuthenticationCredentialsNotFoundException("Authentication required");
		}
		AuthorizationManager<Operation> manager = (operation == Operation.READ) ? this.read : this.write;
		manager.verify(() -> authentication, operation);
	}

}
