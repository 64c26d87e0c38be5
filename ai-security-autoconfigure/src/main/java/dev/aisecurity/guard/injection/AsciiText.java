package dev.aisecurity.guard.injection;

import java.nio.charset.StandardCharsets;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.text.AsciiBytes;

/**
 * A sanitised text that is plain ASCII, the common case, read as bytes: its normalised
 * form ({@link dev.aisecurity.guard.GuardText#normalized()}: NFKC, look-alikes folded,
 * lower case) is then simply its lower case, so the phrase rules can read it without the
 * normalised string being built, and {@link SanitizedProfile} reads the same bytes. Seen
 * as a {@link CharSequence}, it is the normalised text.
 */
final class AsciiText implements CharSequence {

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
		return of(sanitized, null);
	}

	/**
	 * The sanitised text of a text under inspection as lower-case bytes, or {@code null}
	 * when it is not plain ASCII; reads the bytes preprocessing kept, when it kept them.
	 */
	static AsciiText of(GuardText text) {
		return of(text.sanitized(), text.plainAscii());
	}

	/**
	 * @param plain the text's bytes when they are known to be ASCII, or {@code null}
	 */
	private static AsciiText of(String sanitized, byte[] plain) {
		byte[] bytes = (plain != null) ? plain : AsciiBytes.candidate(sanitized);
		if (bytes == null) {
			return null;
		}
		int length = bytes.length;
		byte[] lower = new byte[length + Long.BYTES];
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			long word = AsciiBytes.word(bytes, i);
			// preprocessing's bytes were checked already
			if (plain == null && !AsciiBytes.isAsciiWord(sanitized, bytes, i, word)) {
				return null;
			}
			AsciiBytes.setWord(lower, i, AsciiBytes.toLowerCase(word));
		}
		for (; i < length; i++) {
			byte b = bytes[i];
			// ISO-8859-1 writes '?' for what it cannot map
			if (b < 0 || (b == '?' && sanitized.charAt(i) != '?')) {
				return null;
			}
			lower[i] = (byte) ((b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b);
		}
		return new AsciiText(lower, length, SanitizedProfile.of(bytes, length));
	}

	/**
	 * Eight bytes of the lower-case text from {@code index}, in text order (the low byte
	 * first).
	 */
	long word(int index) {
		return AsciiBytes.word(this.lower, index);
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
