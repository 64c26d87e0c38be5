package dev.aisecurity.guard.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The built-in {@link PiiOperator operators}.
 */
public final class PiiOperators {

	/** Text written by {@link #redact()}. */
	public static final String REDACTED = "[REDACTED]";

	/** Hex characters of the HMAC kept in a pseudonym (64 bits). */
	static final int HASH_HEX_CHARS = 16;

	private PiiOperators() {
	}

	/**
	 * {@code [REDACTED]}.
	 */
	public static PiiOperator redact() {
		return (type, value) -> REDACTED;
	}

	/**
	 * A placeholder naming the type, {@code <CREDIT_CARD>}.
	 */
	public static PiiOperator replace() {
		return (type, value) -> "<" + type + ">";
	}

	/**
	 * Replace every letter and digit except the last {@code keepLast} with {@code *};
	 * separators stay, so the shape remains recognisable ({@code ****-****-****-1111}).
	 */
	public static PiiOperator mask(int keepLast) {
		return mask(keepLast, '*');
	}

	public static PiiOperator mask(int keepLast, char maskChar) {
		if (keepLast < 0) {
			throw new IllegalArgumentException("keepLast must not be negative");
		}
		return (type, value) -> {
			char[] chars = value.toCharArray();
			int kept = 0;
			for (int i = chars.length - 1; i >= 0; i--) {
				if (Character.isLetterOrDigit(chars[i])) {
					if (kept < keepLast) {
						kept++;
					}
					else {
						chars[i] = maskChar;
					}
				}
			}
			return new String(chars);
		};
	}

	/**
	 * A stable pseudonym: the type and the first 64 bits of HMAC-SHA256 over the value
	 * with the given key, {@code <EMAIL_ADDRESS_9f86d081884c7d65>}. The same value gives
	 * the same pseudonym for one key, so records can still be joined; without the key it
	 * cannot be reversed or confirmed by guessing.
	 * @param key the HMAC key, at least 16 bytes
	 */
	public static PiiOperator hash(byte[] key) {
		Objects.requireNonNull(key, "key");
		if (key.length < 16) {
			throw new IllegalArgumentException("the HMAC key must be at least 16 bytes");
		}
		SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
		return new PiiOperator() {

			@Override
			public String apply(String type, String value) {
				try {
					Mac mac = Mac.getInstance("HmacSHA256");
					mac.init(spec);
					mac.update(type.getBytes(StandardCharsets.UTF_8));
					mac.update((byte) 0);
					byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
					return "<" + type + "_" + HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS) + ">";
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
				}
			}

			@Override
			public String toString() {
				return "PiiOperator[hash]";
			}

		};
	}

	/**
	 * The operator of a kind.
	 * @param kind which operator
	 * @param maskKeepLast characters kept by {@link PiiOperator.Kind#MASK}
	 * @param hashKey the key for {@link PiiOperator.Kind#HASH}, may be {@code null}
	 * otherwise
	 */
	public static PiiOperator of(PiiOperator.Kind kind, int maskKeepLast, byte[] hashKey) {
		return switch (kind) {
			case REDACT -> redact();
			case MASK -> mask(maskKeepLast);
			case REPLACE -> replace();
			case HASH -> {
				if (hashKey == null) {
					throw new IllegalArgumentException("the HASH operator needs a key");
				}
				yield hash(hashKey);
			}
		};
	}

}
