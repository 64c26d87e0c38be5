package dev.aisecurity.web.mfa;

/**
 * The HMAC used by TOTP (RFC 6238 section 1.2). Authenticator apps mostly support only
 * {@link #SHA1}.
 */
public enum TotpAlgorithm {

	/** HMAC-SHA-1, the default. */
	SHA1("HmacSHA1"),

	/** HMAC-SHA-256. */
	SHA256("HmacSHA256"),

	/** HMAC-SHA-512. */
	SHA512("HmacSHA512");

	private final String macName;

	TotpAlgorithm(String macName) {
		this.macName = macName;
	}

	/**
	 * The JCA name of the MAC.
	 * @return the name
	 */
	public String macName() {
		return this.macName;
	}

}
