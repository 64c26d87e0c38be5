package dev.aisecurity.guard;

import java.nio.charset.StandardCharsets;

import dev.aisecurity.guard.text.Confusables;
import dev.aisecurity.guard.text.TextPreprocessor;

/**
 * A text under inspection, in the views detectors need. Built once per pipeline run, in
 * one linear pass, and shared by every scanner of that run; not thread-safe (one run, one
 * thread).
 * <ul>
 * <li>{@link #original()}: as received.</li>
 * <li>{@link #sanitized()}: what the model gets: invisible format characters (zero-width,
 * bidi controls, variation selectors, Unicode tag characters) and control characters
 * other than tab, line feed and carriage return removed; lone surrogates replaced by
 * U+FFFD. Finding spans index this view.</li>
 * <li>{@link #normalized()}: for matching only: NFKC, look-alike letters folded to Latin,
 * lower case.</li>
 * <li>{@link #hidden()}: text smuggled in Unicode tag characters, decoded to ASCII.</li>
 * </ul>
 */
public final class GuardText {

	private final String original;

	private final String sanitized;

	private final String hidden;

	private final TextStats stats;

	private final byte[] plainAscii;

	private String normalized;

	private byte[] normalizedAscii;

	private GuardText(String original, String sanitized, String hidden, TextStats stats, byte[] plainAscii) {
		this.original = original;
		this.sanitized = sanitized;
		this.hidden = hidden;
		this.stats = stats;
		this.plainAscii = plainAscii;
	}

	/**
	 * Preprocess a text.
	 */
	public static GuardText of(String text) {
		return TextPreprocessor.process(text == null ? "" : text);
	}

	/**
	 * For the preprocessor.
	 */
	public static GuardText create(String original, String sanitized, String hidden, TextStats stats) {
		return new GuardText(original, sanitized, hidden, stats, null);
	}

	/**
	 * For the preprocessor: a text that needed no change, with its characters as bytes
	 * (each printable ASCII, tab, line feed or carriage return).
	 */
	public static GuardText createPlain(String text, byte[] plainAscii, TextStats stats) {
		return new GuardText(text, text, "", stats, plainAscii);
	}

	public String original() {
		return this.original;
	}

	public String sanitized() {
		return this.sanitized;
	}

	public String hidden() {
		return this.hidden;
	}

	public TextStats stats() {
		return this.stats;
	}

	/**
	 * NFKC-normalised, look-alike-folded, lower-cased view of {@link #sanitized()},
	 * computed on first use. Its indices do not line up with the sanitised text: use it
	 * to decide, not to locate.
	 */
	public String normalized() {
		if (this.normalized == null) {
			byte[] ascii = normalizedAscii();
			this.normalized = (ascii != null) ? new String(ascii, StandardCharsets.ISO_8859_1)
					: Confusables.fold(this.sanitized);
		}
		return this.normalized;
	}

	/**
	 * The characters of {@link #sanitized()} as bytes when every one is printable ASCII,
	 * tab, line feed or carriage return (the common case, known from preprocessing), else
	 * {@code null}. Shared by every scanner of the run: read it, never change it.
	 */
	public byte[] plainAscii() {
		return this.plainAscii;
	}

	/**
	 * The characters of {@link #normalized()} as bytes (the {@link #plainAscii()} bytes
	 * lower-cased), or {@code null} when the text is not plain ASCII. Read only, like
	 * {@link #plainAscii()}.
	 */
	public byte[] normalizedAscii() {
		if (this.normalizedAscii == null && this.plainAscii != null) {
			this.normalizedAscii = Confusables.lowerAscii(this.plainAscii);
		}
		return this.normalizedAscii;
	}

	/**
	 * Whether the sanitised text differs from the original.
	 */
	public boolean wasSanitized() {
		return !this.original.equals(this.sanitized);
	}

	/**
	 * Counts gathered by the preprocessing pass.
	 *
	 * @param invisible zero-width, bidi-control, variation-selector and other
	 * default-ignorable characters removed
	 * @param bidiControls of which bidi controls (embedding, override, isolate marks)
	 * @param tagCharacters Unicode tag characters (U+E0000-E007F) removed
	 * @param controlCharacters C0/C1 control characters removed (not counting tab, LF,
	 * CR)
	 * @param nulCharacters of which NUL
	 * @param loneSurrogates unpaired UTF-16 surrogates replaced by U+FFFD
	 * @param replacementCharacters U+FFFD present in the original (often the mark of
	 * binary data decoded as text)
	 * @param codePoints code points in the original
	 */
	public record TextStats(int invisible, int bidiControls, int tagCharacters, int controlCharacters,
			int nulCharacters, int loneSurrogates, int replacementCharacters, int codePoints) {

		public int removed() {
			return this.invisible + this.tagCharacters + this.controlCharacters;
		}

	}

}
