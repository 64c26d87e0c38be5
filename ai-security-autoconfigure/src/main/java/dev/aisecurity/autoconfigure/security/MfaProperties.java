package dev.aisecurity.autoconfigure.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.web.mfa.TotpAlgorithm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Multi-factor authentication for {@code @AiGuarded(mfa = true)}, on Spring Security 7
 * factor authorities.
 */
@ConfigurationProperties("ai.security.mfa")
public class MfaProperties {

	/**
	 * Whether Spring Security's multi-factor login is enabled (a second login adds its
	 * factor to the first, {@code @EnableMultiFactorAuthentication}).
	 */
	private boolean enabled = true;

	/**
	 * Factors required of browser sessions: {@code password}, {@code ott},
	 * {@code webauthn}, {@code x509}, {@code totp} or a {@code FACTOR_*} authority.
	 */
	private List<String> requiredFactors = new ArrayList<>(List.of("password", "ott"));

	/**
	 * Factors required of API key clients; the TOTP code travels in the OTP header.
	 */
	private List<String> apiKeyRequiredFactors = new ArrayList<>(List.of("api-key", "totp"));

	/**
	 * Maximum age of every required factor (time since it was granted); empty for no
	 * limit.
	 */
	private Duration maxFactorAge;

	/**
	 * The request header carrying a TOTP code beside an API key.
	 */
	private String otpHeader = "X-OTP";

	/**
	 * The built-in TOTP factor.
	 */
	private final Totp totp = new Totp();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getRequiredFactors() {
		return this.requiredFactors;
	}

	public void setRequiredFactors(List<String> requiredFactors) {
		this.requiredFactors = requiredFactors;
	}

	public List<String> getApiKeyRequiredFactors() {
		return this.apiKeyRequiredFactors;
	}

	public void setApiKeyRequiredFactors(List<String> apiKeyRequiredFactors) {
		this.apiKeyRequiredFactors = apiKeyRequiredFactors;
	}

	public Duration getMaxFactorAge() {
		return this.maxFactorAge;
	}

	public void setMaxFactorAge(Duration maxFactorAge) {
		this.maxFactorAge = maxFactorAge;
	}

	public String getOtpHeader() {
		return this.otpHeader;
	}

	public void setOtpHeader(String otpHeader) {
		this.otpHeader = otpHeader;
	}

	public Totp getTotp() {
		return this.totp;
	}

	/**
	 * TOTP (RFC 6238) settings.
	 */
	public static class Totp {

		/**
		 * Whether TOTP codes are accepted.
		 */
		private boolean enabled = true;

		/**
		 * The issuer shown in authenticator apps (enrolment URIs).
		 */
		private String issuer = "AI Security";

		/**
		 * The HMAC algorithm.
		 */
		private TotpAlgorithm algorithm = TotpAlgorithm.SHA1;

		/**
		 * Code length.
		 */
		private int digits = 6;

		/**
		 * Time step.
		 */
		private Duration period = Duration.ofSeconds(30);

		/**
		 * Principal id to Base32 secret, used when no other {@code TotpSecretStore} bean
		 * is defined. Keep these out of source control except for demos.
		 */
		private Map<String, String> secrets = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getIssuer() {
			return this.issuer;
		}

		public void setIssuer(String issuer) {
			this.issuer = issuer;
		}

		public TotpAlgorithm getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(TotpAlgorithm algorithm) {
			this.algorithm = algorithm;
		}

		public int getDigits() {
			return this.digits;
		}

		public void setDigits(int digits) {
			this.digits = digits;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

		public Map<String, String> getSecrets() {
			return this.secrets;
		}

		public void setSecrets(Map<String, String> secrets) {
			this.secrets = secrets;
		}

	}

}
