package dev.aisecurity.web.mfa;

import java.util.Locale;

import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Factor names as written in properties ({@code password}, {@code ott}, {@code totp},
 * {@code api-key}, {@code webauthn}, {@code x509}, {@code bearer}, or a raw
 * {@code FACTOR_*} authority) and the factor authorities this project adds.
 */
public final class MfaFactors {

	/** Granted when a request authenticated with an API key. */
	public static final String API_KEY_AUTHORITY = "FACTOR_API_KEY";

	/** Granted when a valid, unused TOTP code was presented. */
	public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

	private static final String PREFIX = "FACTOR_";

	private MfaFactors() {
	}

	/**
	 * The authority of a factor name.
	 * @param factor a factor name or authority
	 * @return the {@code FACTOR_*} authority
	 */
	public static String authority(String factor) {
		String name = factor.trim();
		if (name.startsWith(PREFIX)) {
			return name;
		}
		return switch (name.toLowerCase(Locale.ROOT).replace('_', '-')) {
			case "password" -> FactorGrantedAuthority.PASSWORD_AUTHORITY;
			case "ott", "one-time-token" -> FactorGrantedAuthority.OTT_AUTHORITY;
			case "webauthn", "passkey" -> FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
			case "x509" -> FactorGrantedAuthority.X509_AUTHORITY;
			case "bearer" -> FactorGrantedAuthority.BEARER_AUTHORITY;
			case "api-key", "apikey" -> API_KEY_AUTHORITY;
			case "totp", "otp" -> TOTP_AUTHORITY;
			default -> PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
		};
	}

	/**
	 * The short type of a factor authority as used in Spring Security's login page
	 * parameter {@code factor.type} (e.g. {@code FACTOR_OTT} to {@code ott}).
	 * @param authority the authority
	 * @return the type
	 */
	public static String type(String authority) {
		String type = authority.startsWith(PREFIX) ? authority.substring(PREFIX.length()) : authority;
		return type.toLowerCase(Locale.ROOT);
	}

}
