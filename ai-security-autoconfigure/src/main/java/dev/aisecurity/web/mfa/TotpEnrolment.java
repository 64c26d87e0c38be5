package dev.aisecurity.web.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Creates TOTP secrets and the {@code otpauth://} URI that authenticator apps read from a
 * QR code.
 *
 * @param secretBase32 the new secret, Base32 (store it with the principal, show it once)
 * @param uri the enrolment URI
 */
public record TotpEnrolment(String secretBase32, String uri) {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Generate a 160-bit secret (the HMAC-SHA-1 block recommendation of RFC 4226) and its
	 * URI.
	 * @param issuer the service name shown in the app
	 * @param account the account name shown in the app
	 * @param totp the TOTP parameters
	 * @return the enrolment
	 */
	public static TotpEnrolment generate(String issuer, String account, Totp totp) {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		String base32 = Base32.encode(secret);
		return new TotpEnrolment(base32, uri(issuer, account, base32, totp));
	}

	/**
	 * The enrolment URI for an existing secret.
	 * @param issuer the service name
	 * @param account the account name
	 * @param secretBase32 the secret
	 * @param totp the TOTP parameters
	 * @return the URI
	 */
	public static String uri(String issuer, String account, String secretBase32, Totp totp) {
		return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + secretBase32 + "&issuer="
				+ encode(issuer) + "&algorithm=" + totp.algorithm().name() + "&digits=" + totp.digits() + "&period="
				+ totp.step().toSeconds();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Override
	public String toString() {
		// the secret is never printed
		return "TotpEnrolment[secret=<hidden>]";
	}

}
