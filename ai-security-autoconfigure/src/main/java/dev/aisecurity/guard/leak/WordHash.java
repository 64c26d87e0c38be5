package dev.aisecurity.guard.leak;

import dev.aisecurity.guard.text.AsciiBytes;

/**
 * The 64-bit hash of a word that the leak scanner compares: its characters taken eight at
 * a time as the bytes of a long (the first in the lowest byte), each long mixed in with
 * one multiplication, so that a word of plain ASCII bytes hashes with a few loads instead
 * of a multiplication per character. Two different words of the same length of up to
 * eight characters below 256 never share a hash (every step is a bijection); a word with
 * a character above 255 is hashed character by character, and such a word never comes
 * from ASCII bytes.
 */
final class WordHash {

	private static final long SEED = 0x9E3779B97F4A7C15L;

	private static final long LENGTH_FACTOR = 0xD6E8FEB86659FD93L;

	private static final long MIX = 0xC2B2AE3D27D4EB4FL;

	private static final long FINISH = 0xFF51AFD7ED558CCDL;

	private static final long WIDE = 0x100000001B3L;

	private WordHash() {
	}

	/**
	 * The hash of {@code text[start, end)}.
	 */
	static long ofChars(CharSequence text, int start, int end) {
		long h = SEED ^ ((end - start) * LENGTH_FACTOR);
		int p = start;
		while (p < end) {
			int n = Math.min(Long.BYTES, end - p);
			long chunk = 0;
			for (int j = 0; j < n; j++) {
				char c = text.charAt(p + j);
				if (c > 0xFF) {
					return wide(text, start, end);
				}
				chunk |= (long) c << (8 * j);
			}
			h = mix(h, chunk);
			p += n;
		}
		return finish(h);
	}

	/**
	 * The hash of the characters {@code bytes[start, end)}, all below 0x80: equal to
	 * {@link #ofChars} of the same characters.
	 */
	static long ofBytes(byte[] bytes, int start, int end) {
		long h = SEED ^ ((end - start) * LENGTH_FACTOR);
		int p = start;
		for (; end - p >= Long.BYTES; p += Long.BYTES) {
			h = mix(h, AsciiBytes.word(bytes, p));
		}
		if (p < end) {
			long chunk;
			if (p + Long.BYTES <= bytes.length) {
				chunk = AsciiBytes.word(bytes, p) & (-1L >>> (8 * (Long.BYTES - (end - p))));
			}
			else {
				chunk = 0;
				for (int j = 0; p + j < end; j++) {
					chunk |= (long) bytes[p + j] << (8 * j);
				}
			}
			h = mix(h, chunk);
		}
		return finish(h);
	}

	private static long mix(long h, long chunk) {
		return Long.rotateLeft((h ^ chunk) * MIX, 31);
	}

	private static long finish(long h) {
		h ^= h >>> 32;
		h *= FINISH;
		return h ^ (h >>> 29);
	}

	/** A word with a character above 255: one step per character, kept apart. */
	private static long wide(CharSequence text, int start, int end) {
		long h = ~SEED;
		for (int i = start; i < end; i++) {
			h = (h ^ text.charAt(i)) * WIDE;
		}
		return finish(h);
	}

}
