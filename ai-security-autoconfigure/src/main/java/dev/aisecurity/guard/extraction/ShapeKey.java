package dev.aisecurity.guard.extraction;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The secret key of the per-word hashes in prompt shapes. Shapes computed with the same
 * key can be compared; without the key a shape cannot be turned back into words (the
 * hashes are SipHash-2-4 MACs). Instances that share extraction state (e.g. in Redis)
 * must share the key; it never leaves the process.
 */
public final class ShapeKey {

	private final long k0;

	private final long k1;

	private ShapeKey(long k0, long k1) {
		this.k0 = k0;
		this.k1 = k1;
	}

	/**
	 * A key from at least 16 bytes of secret material (the first 16 are used), e.g. a key
	 * derived from the configured audit hashing key.
	 * @param material the key material
	 * @return the key
	 */
	public static ShapeKey of(byte[] material) {
		Objects.requireNonNull(material, "material");
		if (material.length < 16) {
			throw new IllegalArgumentException("A shape key needs at least 16 bytes");
		}
		return new ShapeKey(littleEndian(material, 0), littleEndian(material, 8));
	}

	/**
	 * A random key, valid for this process only: enough for a local store.
	 * @return the key
	 */
	public static ShapeKey random() {
		byte[] material = new byte[16];
		new SecureRandom().nextBytes(material);
		return of(material);
	}

	private static long littleEndian(byte[] bytes, int offset) {
		long value = 0;
		for (int i = 7; i >= 0; i--) {
			value = (value << 8) | (bytes[offset + i] & 0xffL);
		}
		return value;
	}

	long hash(long word) {
		return SipHash.hash(this.k0, this.k1, word);
	}

	@Override
	public String toString() {
		return "ShapeKey[secret]";
	}

}
