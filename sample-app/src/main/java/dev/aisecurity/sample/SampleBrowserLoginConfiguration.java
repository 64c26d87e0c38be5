package dev.aisecurity.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.StringUtils;

/**
 * Browser sign-in for the demo administrator, to open the security dashboard: the
 * starter's form login checks the password (hashed in configuration), then its TOTP step
 * asks for the authenticator code ({@code ai.security.mfa.required-factors: password,
 * totp}). The account has roles USER and ADMIN and the {@code pro} rate-limit tier. No
 * password hash configured (as in the prod profile): no browser account.
 */
@Configuration(proxyBeanMethods = false)
class SampleBrowserLoginConfiguration {

	/** The demo administrator's user name, the same principal as its API key. */
	static final String ADMIN = "demo-admin";

	@Bean
	UserDetailsService sampleUsers(SampleProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		if (StringUtils.hasText(properties.getAdminPasswordHash())) {
			users.add(User.withUsername(ADMIN)
				.password(properties.getAdminPasswordHash())
				.authorities("ROLE_USER", "ROLE_ADMIN", "TIER_pro")
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

}
