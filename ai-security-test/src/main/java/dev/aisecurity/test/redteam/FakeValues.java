package dev.aisecurity.test.redteam;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Made-up personal data and credentials in their real formats (check digits included),
 * generated from a seed so that a corpus is reproducible. None of them was ever issued.
 */
final class FakeValues {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final SplittableRandom random;

	FakeValues(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** A Luhn-valid 16-digit card number in a test-card range, grouped by four. */
	String cardNumber() {
		StringBuilder digits = new StringBuilder("4");
		while (digits.length() < 15) {
			digits.append(this.random.nextInt(10));
		}
		digits.append(luhnCheckDigit(digits));
		return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8, 12) + " "
				+ digits.substring(12);
	}

	/** A German IBAN with valid check digits, grouped by four. */
	String iban() {
		StringBuilder bban = new StringBuilder();
		for (int i = 0; i < 18; i++) {
			bban.append(this.random.nextInt(10));
		}
		// move country code and "00" to the end, letters as numbers (D=13, E=14)
		BigInteger number = new BigInteger(bban + "131400");
		int check = 98 - number.mod(BigInteger.valueOf(97)).intValue();
		String iban = "DE" + String.format("%02d", check) + bban;
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < iban.length(); i += 4) {
			if (i > 0) {
				grouped.append(' ');
			}
			grouped.append(iban, i, Math.min(i + 4, iban.length()));
		}
		return grouped.toString();
	}

	/** An e-mail address at a reserved example domain. */
	String email() {
		return "jordan.redteam" + (100 + this.random.nextInt(900)) + "@example.net";
	}

	/** A phone number in the 555-01xx range kept for fiction. */
	String phone() {
		return "+1 415-555-01" + String.format("%02d", this.random.nextInt(100));
	}

	/** An AWS access key id shape. */
	String awsAccessKeyId() {
		StringBuilder key = new StringBuilder("AKIA");
		for (int i = 0; i < 16; i++) {
			key.append(BASE32.charAt(this.random.nextInt(BASE32.length())));
		}
		return key.toString();
	}

	/** A 40-character AWS secret access key shape. */
	String awsSecretKey() {
		return base62(40);
	}

	/** A GitHub personal access token with a valid CRC32 checksum. */
	String githubToken() {
		String body = base62(30);
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		long value = crc.getValue();
		char[] check = new char[6];
		for (int i = 5; i >= 0; i--) {
			check[i] = BASE62.charAt((int) (value % 62));
			value /= 62;
		}
		return "ghp_" + body + new String(check);
	}

	/** A strong-looking password. */
	String password() {
		return "Rt!" + base62(14) + "#9";
	}

	/** Random base62 characters. */
	String base62(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(BASE62.charAt(this.random.nextInt(BASE62.length())));
		}
		return out.toString();
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	static int luhnCheckDigit(CharSequence payload) {
		int sum = 0;
		boolean twice = true;
		for (int i = payload.length() - 1; i >= 0; i--) {
			int d = payload.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return (10 - sum % 10) % 10;
	}

}
