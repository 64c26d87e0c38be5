package dev.aisecurity.autoconfigure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code @AiGuarded} web edge.
 */
@ConfigurationProperties("ai.security.web")
public class AiWebSecurityProperties {

	/**
	 * Whether {@code @AiGuarded} endpoints, the API key filter and the security problem
	 * responses are enabled.
	 */
	private boolean enabled = true;

	/**
	 * The browser login page: unauthenticated browsers, and sessions missing a factor,
	 * are redirected here. Empty to answer browsers with 401 problems as well.
	 */
	private String loginPage = "/login";

	/**
	 * Whether to add form login (and one-time-token login when a
	 * {@code OneTimeTokenGenerationSuccessHandler} bean exists) to the default security
	 * filter chain. The default chain is only created when the application defines no
	 * {@code SecurityFilterChain} of its own.
	 */
	private boolean formLogin = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLoginPage() {
		return this.loginPage;
	}

	public void setLoginPage(String loginPage) {
		this.loginPage = loginPage;
	}

	public boolean isFormLogin() {
		return this.formLogin;
	}

	public void setFormLogin(boolean formLogin) {
		this.formLogin = formLogin;
	}

}
