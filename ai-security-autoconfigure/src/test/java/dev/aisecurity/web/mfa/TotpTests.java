package dev.aisecurity.web.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TotpTests {

	// RFC 6238 Appendix B: the seeds are the ASCII digits "1234567890" repeated to the
	// HMAC's key length (20, 32 and 64 bytes)
	private static final byte[] SEED_SHA1 = seed(20);

	private static final byte[] SEED_SHA256 = seed(32);

	private static final byte[] SEED_SHA512 = seed(64);

	private static byte[] seed(int length) {
		return "1234567890".repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
	}

	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void rfc6238AppendixBVectors(long seconds, String sha1, String sha256, String sha512) {
		Instant time = Instant.ofEpochSecond(seconds);
		Duration step = Duration.ofSeconds(30);
		assertThat(new Totp(TotpAlgorithm.SHA1, 8, step).generate(SEED_SHA1, time)).isEqualTo(sha1);
		assertThat(new Totp(TotpAlgorithm.SHA256, 8, step).generate(SEED_SHA256, time)).isEqualTo(sha256);
		assertThat(new Totp(TotpAlgorithm.SHA512, 8, step).generate(SEED_SHA512, time)).isEqualTo(sha512);
	}

	@Test
	void sixDigitCodesAreTheLowDigitsOfTheEightDigitOnes() {
		Instant time = Instant.ofEpochSecond(1111111109);
		assertThat(Totp.defaults().generate(SEED_SHA1, time)).isEqualTo("081804");
	}

	@Test
	void base32RoundTripsAndDecodesTheRfc4648Example() {
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(new String(Base32.decode("mzxw6ytboi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		Random random = new Random(42);
		for (int i = 0; i < 200; i++) {
			byte[] data = new byte[random.nextInt(40)];
			random.nextBytes(data);
			assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("AB1C")).withMessageNotContaining("AB1C");
	}

	@Test
	void verifierAcceptsOneStepOfDriftButNotTwo() {
		Instant now = Instant.parse("2026-03-01T12:00:10Z");
		Totp totp = Totp.defaults();
		TotpSecretStore secrets = (p) -> "alice".equals(p) ? Optional.of(SEED_SHA1) : Optional.empty();
		TotpVerifier verifier = new TotpVerifier(totp, secrets, Clock.fixed(now, ZoneOffset.UTC));
		long step = totp.counter(now);
		assertThat(verifier.verify("alice", totp.generate(SEED_SHA1, step - 2))).isFalse();
		assertThat(verifier.verify("alice", totp.generate(SEED_SHA1, step + 2))).isFalse();
		assertThat(verifier.verify("alice", totp.generate(SEED_SHA1, step - 1))).isTrue();
		assertThat(verifier.verify("alice", totp.generate(SEED_SHA1, step + 1))).isTrue();
	}

	@Test
	void verifierRefusesReplayAndOlderSteps() {
		Instant now = Instant.parse("2026-03-01T12:00:10Z");
		Totp totp = Totp.defaults();
		TotpVerifier verifier = new TotpVerifier(totp, (p) -> Optional.of(SEED_SHA1), Clock.fixed(now, ZoneOffset.UTC));
		long step = totp.counter(now);
		String current = totp.generate(SEED_SHA1, step);
		assertThat(verifier.verify("alice", current)).isTrue();
		assertThat(verifier.verify("alice", current)).as("replay").isFalse();
		assertThat(verifier.verify("alice", totp.generate(SEED_SHA1, step - 1))).as("older step").isFalse();
		// replay protection is per principal
		assertThat(verifier.verify("bob", current)).isTrue();
	}

	@Test
	void verifierRefusesMalformedCodesAndUnknownPrincipals() {
		Totp totp = Totp.defaults();
		Instant now = Instant.parse("2026-03-01T12:00:10Z");
		TotpVerifier verifier = new TotpVerifier(totp,
				new InMemoryTotpSecretStore(Map.of("alice", Base32.encode(SEED_SHA1))),
				Clock.fixed(now, ZoneOffset.UTC));
		String code = totp.generate(SEED_SHA1, now);
		assertThat(verifier.verify("mallory", code)).isFalse();
		assertThat(verifier.verify("alice", null)).isFalse();
		assertThat(verifier.verify("alice", "12345")).isFalse();
		assertThat(verifier.verify("alice", "12a456")).isFalse();
		assertThat(verifier.verify("alice", code)).isTrue();
	}

	@Test
	void enrolmentCreatesA160BitSecretAndAnOtpauthUri() {
		TotpEnrolment enrolment = TotpEnrolment.generate("AI Security", "alice@example.com", Totp.defaults());
		assertThat(Base32.decode(enrolment.secretBase32())).hasSize(20);
		assertThat(enrolment.uri()).startsWith("otpauth://totp/AI%20Security:alice%40example.com?secret=")
			.contains("secret=" + enrolment.secretBase32())
			.endsWith("&issuer=AI%20Security&algorithm=SHA1&digits=6&period=30");
		assertThat(enrolment.toString()).doesNotContain(enrolment.secretBase32());
		assertThat(TotpEnrolment.generate("x", "y", Totp.defaults()).secretBase32())
			.isNotEqualTo(enrolment.secretBase32());
	}

	@Test
	void factorNamesMapToAuthorities() {
		assertThat(MfaFactors.authority("password")).isEqualTo("FACTOR_PASSWORD");
		assertThat(MfaFactors.authority("ott")).isEqualTo("FACTOR_OTT");
		assertThat(MfaFactors.authority("totp")).isEqualTo(MfaFactors.TOTP_AUTHORITY);
		assertThat(MfaFactors.authority("api-key")).isEqualTo(MfaFactors.API_KEY_AUTHORITY);
		assertThat(MfaFactors.authority("FACTOR_X509")).isEqualTo("FACTOR_X509");
		assertThat(MfaFactors.type("FACTOR_OTT")).isEqualTo("ott");
	}

}
