package dev.aisecurity.guard.pii;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Check-digit algorithms used by the recognisers.
 */
public final class Checksums {

	private static final int[][] VERHOEFF_D = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
			{ 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
			{ 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
			{ 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 } };

	private static final int[][] VERHOEFF_P = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
			{ 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
			{ 4, 2, 8, 6, 5, 7, 0, 3, 9, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 } };

	private Checksums() {
	}

	public static boolean isDigits(CharSequence s) {
		if (s.length() == 0) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	static int digit(CharSequence s, int index) {
		return s.charAt(index) - '0';
	}

	/**
	 * Luhn (mod 10) over a string of digits, the last one being the check digit.
	 */
	public static boolean luhn(CharSequence digits) {
		int sum = 0;
		boolean doubleIt = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (d < 0 || d > 9) {
				return false;
			}
			if (doubleIt) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubleIt = !doubleIt;
		}
		return sum % 10 == 0;
	}

	/**
	 * Weighted sum of the first {@code weights.length} digits.
	 */
	public static int weightedSum(CharSequence digits, int... weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += digit(digits, i) * weights[i];
		}
		return sum;
	}

	/**
	 * Verhoeff over a string of digits, the last one being the check digit.
	 */
	public static boolean verhoeff(CharSequence digits) {
		int c = 0;
		int n = digits.length();
		for (int i = 0; i < n; i++) {
			int d = digits.charAt(n - 1 - i) - '0';
			if (d < 0 || d > 9) {
				return false;
			}
			c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
		}
		return c == 0;
	}

	/**
	 * ISO 7064 MOD 11,10 (German tax id, VAT id): true when the last digit is the check
	 * digit of the others.
	 */
	public static boolean iso7064Mod11Mod10(CharSequence digits) {
		int product = 10;
		int n = digits.length();
		for (int i = 0; i < n - 1; i++) {
			int sum = (digit(digits, i) + product) % 10;
			if (sum == 0) {
				sum = 10;
			}
			product = (2 * sum) % 11;
		}
		int check = 11 - product;
		if (check == 10) {
			check = 0;
		}
		return check == digit(digits, n - 1);
	}

	/**
	 * ISO 7064 MOD 97-10 as used by IBAN: letters count as 10..35.
	 * @return the remainder, or -1 for characters other than digits and upper-case
	 * letters
	 */
	public static int mod97(CharSequence s) {
		int remainder = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				remainder = (remainder * 10 + (c - '0')) % 97;
			}
			else if (c >= 'A' && c <= 'Z') {
				remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
			}
			else {
				return -1;
			}
		}
		return remainder;
	}

	static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

	/**
	 * Decode Base58Check and verify its four-byte double-SHA-256 checksum.
	 * @return the payload (version byte first), or {@code null} when invalid
	 */
	public static byte[] base58Check(CharSequence s) {
		// big-endian base-256 accumulator
		byte[] bytes = new byte[s.length()];
		int length = 0;
		for (int i = 0; i < s.length(); i++) {
			int value = BASE58.indexOf(s.charAt(i));
			if (value < 0) {
				return null;
			}
			int carry = value;
			for (int j = 0; j < length; j++) {
				carry += (bytes[j] & 0xff) * 58;
				bytes[j] = (byte) carry;
				carry >>= 8;
			}
			while (carry > 0) {
				bytes[length++] = (byte) carry;
				carry >>= 8;
			}
		}
		int zeros = 0;
		while (zeros < s.length() && s.charAt(zeros) == '1') {
			zeros++;
		}
		byte[] decoded = new byte[zeros + length];
		for (int i = 0; i < length; i++) {
			decoded[zeros + i] = bytes[length - 1 - i];
		}
		if (decoded.length < 5) {
			return null;
		}
		byte[] payload = java.util.Arrays.copyOf(decoded, decoded.length - 4);
		byte[] hash = sha256(sha256(payload));
		for (int i = 0; i < 4; i++) {
			if (hash[i] != decoded[payload.length + i]) {
				return null;
			}
		}
		return payload;
	}

	private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

	/**
	 * Verify a Bech32 (BIP 173) or Bech32m (BIP 350) string.
	 * @return 1 for Bech32, 2 for Bech32m, 0 when invalid
	 */
	public static int bech32(String s) {
		String lower = s.toLowerCase(java.util.Locale.ROOT);
		if (!lower.equals(s) && !s.toUpperCase(java.util.Locale.ROOT).equals(s)) {
			return 0;
		}
		int separator = lower.lastIndexOf('1');
		if (separator < 1 || separator + 7 > lower.length() || lower.length() > 90) {
			return 0;
		}
		String hrp = lower.substring(0, separator);
		int[] values = new int[hrp.length() * 2 + 1 + lower.length() - separator - 1];
		int k = 0;
		for (int i = 0; i < hrp.length(); i++) {
			values[k++] = hrp.charAt(i) >> 5;
		}
		values[k++] = 0;
		for (int i = 0; i < hrp.length(); i++) {
			values[k++] = hrp.charAt(i) & 31;
		}
		for (int i = separator + 1; i < lower.length(); i++) {
			int v = BECH32.indexOf(lower.charAt(i));
			if (v < 0) {
				return 0;
			}
			values[k++] = v;
		}
		int chk = polymod(values);
		if (chk == 1) {
			return 1;
		}
		return (chk == 0x2bc830a3) ? 2 : 0;
	}

	private static int polymod(int[] values) {
		int[] generator = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };
		int chk = 1;
		for (int v : values) {
			int top = chk >>> 25;
			chk = ((chk & 0x1ffffff) << 5) ^ v;
			for (int i = 0; i < 5; i++) {
				if (((top >>> i) & 1) != 0) {
					chk ^= generator[i];
				}
			}
		}
		return chk;
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
