package dev.aisecurity.guard.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Fast paths for texts that are plain ASCII, the common case: their ISO-8859-1 bytes (a
 * plain copy of a compact string's array) read eight at a time, with bit tricks that test
 * or change all eight bytes in a few instructions.
 * <p>
 * ISO-8859-1 encoding writes {@code '?'} for a character it cannot map (and one
 * {@code '?'} for a surrogate pair, which shortens the result), so a {@code '?'} byte is
 * checked against the text before the bytes are trusted.
 */
public final class AsciiBytes {

	/** Eight bytes at a time, in the order they appear in the text. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/** 0x01 in every byte. */
	public static final long ONES = 0x0101010101010101L;

	/** 0x80 in every byte. */
	public static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

	private static final long QUESTION_MARKS = ONES * '?';

	private AsciiBytes() {
	}

	/**
	 * The eight bytes at {@code index}, the first in the lowest byte.
	 */
	public static long word(byte[] bytes, int index) {
		return (long) LONGS.get(bytes, index);
	}

	/**
	 * The high bit of each byte of {@code word} equal to {@code c}, exact for any bytes.
	 */
	public static long equalBytes(long word, char c) {
		long v = word ^ (ONES * c);
		return ~(((v & LOW_SEVEN) + LOW_SEVEN) | v) & HIGH_BITS;
	}

	/**
	 * Write eight bytes at {@code index}, the first from the lowest byte.
	 */
	public static void setWord(byte[] bytes, int index, long word) {
		LONGS.set(bytes, index, word);
	}

	/**
	 * {@code word} with A-Z lower-cased, exact for bytes below 0x80 (no carries between
	 * them); the other bytes are unchanged.
	 */
	public static long toLowerCase(long word) {
		// high bit of each byte from 'A' (0x41) to 'Z' (0x5A)
		long upper = (word + 0x3F3F3F3F3F3F3F3FL) & ~(word + 0x2525252525252525L) & HIGH_BITS;
		return word | (upper >>> 2);
	}

	/**
	 * One bit per byte of the 64 from {@code base} on, set for ASCII letters and digits
	 * (bit {@code j} for {@code bytes[base + j]}; none past the end): word characters
	 * found eight at a time, so that a loop over words needs no branch per character.
	 * Exact for bytes below 0x80.
	 */
	public static long letterOrDigitMask(byte[] bytes, int base) {
		long mask = 0;
		if (base + 64 <= bytes.length) {
			for (int j = 0; j < 64; j += Long.BYTES) {
				mask |= letterOrDigitBits(word(bytes, base + j)) << j;
			}
			return mask;
		}
		for (int i = base; i < bytes.length; i++) {
			int b = bytes[i] | 0x20;
			if ((b >= 'a' && b <= 'z') || (bytes[i] >= '0' && bytes[i] <= '9')) {
				mask |= 1L << (i - base);
			}
		}
		return mask;
	}

	/**
	 * One bit per byte of the 64 from {@code base} on, set for the bytes equal to
	 * {@code c}, an ASCII character (none past the end).
	 */
	public static long equalMask(byte[] bytes, int base, char c) {
		long mask = 0;
		if (base + 64 <= bytes.length) {
			for (int j = 0; j < 64; j += Long.BYTES) {
				mask |= gather(equalBytes(word(bytes, base + j), c)) << j;
			}
			return mask;
		}
		for (int i = base; i < bytes.length; i++) {
			if (bytes[i] == c) {
				mask |= 1L << (i - base);
			}
		}
		return mask;
	}

	/** The high bits of the eight bytes of {@code high} as the lowest eight bits. */
	private static long gather(long high) {
		return ((high >>> 7) * 0x0102040810204080L) >>> 56;
	}

	/**
	 * Eight bits, bit {@code j} set when byte {@code j} of {@code word} is [0-9A-Za-z].
	 */
	private static long letterOrDigitBits(long word) {
		long digits = (word + ONES * (0x80 - '0')) & ~(word + ONES * (0x7F - '9'));
		// A-Z and a-z alike once 0x20 is set (only letters land in a-z that way)
		long folded = word | (ONES * 0x20);
		long letters = (folded + ONES * (0x80 - 'a')) & ~(folded + ONES * (0x7F - 'z'));
		return gather((digits | letters) & HIGH_BITS);
	}

	/**
	 * The high bit of each byte of {@code word} that is zero; exact for bytes below 0x80
	 * (the usual test: borrows only run past a byte that is zero).
	 */
	static boolean hasZero(long word) {
		return ((word - ONES) & ~word & HIGH_BITS) != 0;
	}

	/**
	 * The text's ISO-8859-1 bytes, or {@code null} when a look at a few characters or the
	 * length already shows that the text is not ASCII. Callers that go on must check each
	 * word with {@link #isAsciiWord}.
	 */
	public static byte[] candidate(String text) {
		if (!mayBeAscii(text)) {
			return null;
		}
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		return (bytes.length == text.length()) ? bytes : null;
	}

	/**
	 * Whether the eight bytes at {@code index} of a {@link #candidate} (fewer at its end,
	 * padded with spaces) are the text's characters and all below 0x80.
	 */
	public static boolean isAsciiWord(String text, byte[] bytes, int index, long word) {
		return (word & HIGH_BITS) == 0 && (!hasZero(word ^ QUESTION_MARKS)
				|| questionMarksAreReal(text, bytes, index, Math.min(index + Long.BYTES, bytes.length)));
	}

	/**
	 * The text's characters as bytes when every one is printable ASCII, tab, line feed or
	 * carriage return (what preprocessing keeps as it is), else {@code null}.
	 */
	static byte[] ofPlain(String text) {
		if (!mayBeAscii(text)) {
			return null;
		}
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		if (bytes.length != text.length()) {
			return null;
		}
		int length = bytes.length;
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			long word = word(bytes, i);
			if ((word & HIGH_BITS) != 0) {
				return null;
			}
			// bytes below 0x80 from here on, so each test is exact per byte: bytes below
			// 0x20 other than tab, line feed and carriage return, DEL, and question marks
			// that stand for characters ISO-8859-1 cannot map
			long control = ~(word + ONES * (0x80 - 0x20)) & HIGH_BITS;
			if (control != 0
					&& (control & ~(equalBytes(word, '\n') | equalBytes(word, '\r') | equalBytes(word, '\t'))) != 0) {
				return null;
			}
			if (((word + ONES) & HIGH_BITS) != 0) {
				return null;
			}
			if (hasZero(word ^ QUESTION_MARKS) && !questionMarksAreReal(text, bytes, i, i + Long.BYTES)) {
				return null;
			}
		}
		return arePlain(text, bytes, i, length) ? bytes : null;
	}

	/**
	 * A look at every 64th character, so that text in another script skips the encoding
	 * (slow for characters ISO-8859-1 cannot map) at once.
	 */
	private static boolean mayBeAscii(String text) {
		for (int i = 0; i < text.length(); i += 64) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static boolean arePlain(String text, byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b < 0x20 || b == 0x7F) {
				// negative bytes (0x80 and above) land here too
				if (b != '\n' && b != '\r' && b != '\t') {
					return false;
				}
			}
			else if (b == '?' && text.charAt(i) != '?') {
				return false;
			}
		}
		return true;
	}

	private static boolean questionMarksAreReal(String text, byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '?' && text.charAt(i) != '?') {
				return false;
			}
		}
		return true;
	}

	/**
	 * A string of the given ASCII bytes.
	 */
	static String string(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

}
