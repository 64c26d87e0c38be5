package dev.aisecurity.web.mfa;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): the code for a time step
 * is the dynamically truncated HMAC of the step counter, modulo 10^digits.
 *
 * @param algorithm the HMAC
 * @param digits code length, 6 to 8
 * @param step the time step, usually 30 seconds
 */
public record Totp(TotpAlgorithm algorithm, int digits, Duration step) {

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	public Totp {
		if (digits < 6 || digits > 8) {
			throw new IllegalArgumentException("digits must be between 6 and 8");
		}
		if (step.isNegative() || step.isZero()) {
			throw new IllegalArgumentException("step must be positive");
		}
	}

	/**
	 * The usual parameters: SHA-1, 6 digits, 30 seconds.
	 * @return the defaults
	 */
	public static Totp defaults() {
		return new Totp(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
	}

	/**
	 * The time step counter at an instant ({@code floor(unix seconds / step)}).
	 * @param instant the instant
	 * @return the counter
	 */
	public long counter(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), this.step.toSeconds());
	}

	/**
	 * The code for an instant.
	 * @param secret the shared secret
	 * @param instant the instant
	 * @return the zero-padded code
	 */
	public String generate(byte[] secret, Instant instant) {
		return generate(secret, counter(instant));
	}

	/**
	 * The code for a step counter.
	 * @param secret the shared secret
	 * @param counter the step counter
	 * @return the zero-padded code
	 */
	public String generate(byte[] secret, long counter) {
		byte[] message = new byte[8];
		for (int i = 7; i >= 0; i--) {
			message[i] = (byte) (counter & 0xFF);
			counter >>>= 8;
		}
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(this.algorithm.macName());
			mac.init(new SecretKeySpec(secret, "RAW"));
			hash = mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("TOTP MAC failed", ex);
		}
		int offset = hash[hash.length - 1] & 0x0F;
		int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
				| ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
		String code = Integer.toString(binary % POWERS[this.digits]);
		return "0".repeat(this.digits - code.length()) + code;
	}

}
