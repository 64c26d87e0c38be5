package dev.aisecurity.autoconfigure.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.web.mfa.MfaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecurityModelOperationAuthorizerTests {

	private final ModelIntegrityProperties.Admin admin = new ModelIntegrityProperties.Admin();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void withoutAuthenticationEverythingIsRefused() {
		SecurityModelOperationAuthorizer authorizer = new SecurityModelOperationAuthorizer(this.admin, () -> null);
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.READ));
	}

	@Test
	void defaultFactorsApplyWithoutTheStartersMfaPolicy() {
		SecurityModelOperationAuthorizer authorizer = new SecurityModelOperationAuthorizer(this.admin, () -> null);
		login("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY);
		assertThatCode(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.READ)).doesNotThrowAnyException();
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.ROLLBACK));
		login("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY);
		assertThatCode(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.ROLLBACK))
			.doesNotThrowAnyException();
		login("USER", FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY);
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.READ));
	}

	@Test
	void theStartersMfaPolicyDecidesWhenNoFactorsAreConfigured() {
		MfaPolicy policy = new MfaPolicy(List.of("password", "webauthn"), List.of("api-key", "totp"), null);
		SecurityModelOperationAuthorizer authorizer = new SecurityModelOperationAuthorizer(this.admin, () -> policy);
		login("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY);
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.VERIFY))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getAuthorizationResult())
				.isInstanceOf(FactorAuthorizationDecision.class));
		login("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
		assertThatCode(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.VERIFY))
			.doesNotThrowAnyException();
	}

	@Test
	void configuredFactorsWinOverThePolicyAndMfaCanBeTurnedOff() {
		this.admin.setRequiredFactors(List.of(FactorGrantedAuthority.X509_AUTHORITY));
		MfaPolicy policy = new MfaPolicy(List.of("password"), List.of("api-key"), Duration.ofMinutes(5));
		SecurityModelOperationAuthorizer authorizer = new SecurityModelOperationAuthorizer(this.admin, () -> policy);
		login("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY);
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.ROLLBACK));
		login("ADMIN", FactorGrantedAuthority.X509_AUTHORITY);
		assertThatCode(() -> authorizer.authorize(ModelOperationAuthorizer.Operation.ROLLBACK))
			.doesNotThrowAnyException();

		this.admin.setMfa(false);
		SecurityModelOperationAuthorizer noMfa = new SecurityModelOperationAuthorizer(this.admin, () -> policy);
		login("ADMIN");
		assertThatCode(() -> noMfa.authorize(ModelOperationAuthorizer.Operation.ROLLBACK)).doesNotThrowAnyException();
	}

	private static void login(String role, String... factors) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		for (String factor : factors) {
			authorities.add(FactorGrantedAuthority.fromAuthority(factor));
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", authorities));
	}

}
