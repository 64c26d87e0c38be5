package dev.aisecurity.web.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies TOTP codes: accepts the code of the current step or of one step before or
 * after (clock drift, RFC 6238 section 5.2), compares in constant time, and refuses a
 * step that was already used by the same principal (replay protection: a code works
 * once).
 */
public final class TotpVerifier {

	private static final int DRIFT_STEPS = 1;

	private final Totp totp;

	private final TotpSecretStore secrets;

	private final Clock clock;

	private final Map<String, Long> lastUsedStep = new ConcurrentHashMap<>();

	/**
	 * Create a verifier.
	 * @param totp the TOTP parameters
	 * @param secrets the principals' secrets
	 * @param clock the clock
	 */
	public TotpVerifier(Totp totp, TotpSecretStore secrets, Clock clock) {
		this.totp = totp;
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * Verify a code.
	 * @param principal the principal id
	 * @param code the code the client sent
	 * @return whether the code is valid and unused
	 */
	public boolean verify(String principal, String code) {
		if (code == null || code.length() != this.totp.digits() || !isDigits(code)) {
			return false;
		}
		Optional<byte[]> secret = this.secrets.findSecret(principal);
		if (secret.isEmpty()) {
			return false;
		}
		long now = this.totp.counter(this.clock.instant());
		byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
		long matched = Long.MIN_VALUE;
		// check every candidate step (no early exit) so timing does not reveal which
		// matched
		for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
			byte[] expected = this.totp.generate(secret.get(), step).getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, presented)) {
				matched = step;
			}
		}
		if (matched == Long.MIN_VALUE) {
			return false;
		}
		long accepted = matched;
		boolean[] fresh = new boolean[1];
		this.lastUsedStep.compute(principal, (p, last) -> {
			if (last == null || accepted > last) {
				fresh[0] = true;
				return accepted;
			}
			return last;
		});
		return fresh[0];
	}

	private static boolean isDigits(String code) {
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
