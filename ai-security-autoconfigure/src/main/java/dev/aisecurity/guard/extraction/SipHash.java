package dev.aisecurity.guard.extraction;

/**
 * SipHash-2-4 (Aumasson and Bernstein) of one 64-bit word: a fast keyed pseudo-random
 * function, used so that the per-word hashes of a prompt shape cannot be reversed by
 * hashing a dictionary without the key.
 */
final class SipHash {

	private SipHash() {
	}

	/**
	 * The SipHash-2-4 of the eight little-endian bytes of {@code message}.
	 * @param k0 the first half of the key (little-endian bytes 0 to 7)
	 * @param k1 the second half of the key (bytes 8 to 15)
	 * @param message the word
	 * @return the 64-bit MAC
	 */
	static long hash(long k0, long k1, long message) {
		long v0 = k0 ^ 0x736f6d6570736575L;
		long v1 = k1 ^ 0x646f72616e646f6dL;
		long v2 = k0 ^ 0x6c7967656e657261L;
		long v3 = k1 ^ 0x7465646279746573L;
		long[] v = { v0, v1, v2, v3 };
		absorb(v, message);
		// the final block holds only the message length (8) in its top byte
		absorb(v, 8L << 56);
		v[2] ^= 0xff;
		for (int i = 0; i < 4; i++) {
			round(v);
		}
		return v[0] ^ v[1] ^ v[2] ^ v[3];
	}

	private static void absorb(long[] v, long block) {
		v[3] ^= block;
		round(v);
		round(v);
		v[0] ^= block;
	}

	private static void round(long[] v) {
		v[0] += v[1];
		v[1] = Long.rotateLeft(v[1], 13);
		v[1] ^= v[0];
		v[0] = Long.rotateLeft(v[0], 32);
		v[2] += v[3];
		v[3] = Long.rotateLeft(v[3], 16);
		v[3] ^= v[2];
		v[0] += v[3];
		v[3] = Long.rotateLeft(v[3], 21);
		v[3] ^= v[0];
		v[2] += v[1];
		v[1] = Long.rotateLeft(v[1], 17);
		v[1] ^= v[2];
		v[2] = Long.rotateLeft(v[2], 32);
	}

}
