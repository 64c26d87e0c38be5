package dev.aisecurity.guard.injection;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A sanitised text that is plain ASCII, the common case, read as bytes: its normalised
 * form ({@link dev.aisecurity.guard.GuardText#normalized()}: NFKC, look-alikes folded,
 * lower case) is then simply its lower case, so the phrase rules can read it without the
 * normalised string being built, and {@link SanitizedProfile} reads the same bytes. Seen
 * as a {@link CharSequence}, it is the normalised text.
 */
final class AsciiText implements CharSequence {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	/**
	 * The lower-case text; {@link Long#BYTES} bytes longer, so that words can be read
	 * past its end.
	 */
	final byte[] lower;

	private final int length;

	/** The {@link SanitizedProfile} of the text this one was read from. */
	final int profile;

	private AsciiText(byte[] lower, int length, int profile) {
		this.lower = lower;
		this.length = length;
		this.profile = profile;
	}

	/**
	 * The text as lower-case bytes, or {@code null} when it is not plain ASCII.
	 */
	static AsciiText of(String sanitized) {
		// a look at every 64th character spares text in another script the encoding
		for (int i = 0; i < sanitized.length(); i += 64) {
			if (sanitized.charAt(i) >= 0x80) {
				return null;
			}
		}
		byte[] bytes = sanitized.getBytes(StandardCharsets.ISO_8859_1);
		int length = bytes.length;
		if (length != sanitized.length()) {
			return null;
		}
		// ISO-8859-1 writes '?' for what it cannot map: check those against the text
		byte[] lower = new byte[length + Long.BYTES];
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			if ((word & HIGH_BITS) != 0
					|| (hasZero(word ^ (ONES * '?')) && !questionMarksAreReal(sanitized, bytes, i, i + Long.BYTES))) {
				return null;
			}
			// high bit of each byte from 'A' (0x41) to 'Z' (0x5A); no carries below 0x80
			long upper = (word + 0x3F3F3F3F3F3F3F3FL) & ~(word + 0x2525252525252525L) & HIGH_BITS;
			LONGS.set(lower, i, word | (upper >>> 2));
		}
		if (!questionMarksAreReal(sanitized, bytes, i, length)) {
			return null;
		}
		for (; i < length; i++) {
			byte b = bytes[i];
			if (b < 0) {
				return null;
			}
			lower[i] = (byte) ((b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b);
		}
		return new AsciiText(lower, length, SanitizedProfile.of(bytes, length));
	}

	private static boolean hasZero(long word) {
		return ((word - ONES) & ~word & HIGH_BITS) != 0;
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
	 * Eight bytes from {@code index}, in text order (the low byte first).
	 */
	long word(int index) {
		return (long) LONGS.get(this.lower, index);
	}

	/**
	 * The text backwards.
	 */
	AsciiText reversed() {
		byte[] reversed = new byte[this.length + Long.BYTES];
		for (int i = 0; i < this.length; i++) {
			reversed[i] = this.lower[this.length - 1 - i];
		}
		return new AsciiText(reversed, this.length, this.profile);
	}

	@Override
	public int length() {
		return this.length;
	}

	@Override
	public char charAt(int index) {
		if (index >= this.length) {
			throw new IndexOutOfBoundsException(index);
		}
		return (char) this.lower[index];
	}

	@Override
	public AsciiText subSequence(int start, int end) {
		if (start == 0 && end <= this.length) {
			return (end == this.length) ? this : new AsciiText(this.lower, end, this.profile);
		}
		byte[] part = java.util.Arrays.copyOfRange(this.lower, start, end + Long.BYTES);
		return new AsciiText(part, end - start, this.profile);
	}

	@Override
	public String toString() {
		return new String(this.lower, 0, this.length, StandardCharsets.ISO_8859_1);
	}

}
