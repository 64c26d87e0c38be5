package dev.aisecurity.guard.text;

import java.text.Normalizer;

/**
 * Folds text for matching: NFKC (fullwidth forms, ligatures, mathematical alphanumerics),
 * then Cyrillic, Greek and other look-alike letters to the Latin letters they imitate,
 * then lower case. The result is for detection only: it is lossy and its indices do not
 * line up with the input.
 */
public final class Confusables {

	private static final char[] TABLE = new char[0x2200];

	static {
		// Cyrillic capitals and smalls that render like Latin letters
		map("АAаaВBЕEеeЁEёeКKкkМMНHОOоoРPрpСCсcТTуyУYХXхxІIіiЈJјjЅSѕsԁdԛqԝwҮYүyһhӏlѴVѵvЬbьbЗ3");
		// Greek
		map("ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXαaβbεeιiκkνvοoρpτtυuχxγyϲcϳjϜFϝf");
		// Latin look-alikes outside ASCII that NFKC keeps
		map("ıiȷjɑaɡgɩiɪiʏyʟlᴀaᴄcᴅdᴇeᴊjᴋkᴍmᴏoᴘpᴛtᴜuᴠvᴡwᴢzℓl");
	}

	private Confusables() {
	}

	private static void map(String pairs) {
		for (int i = 0; i + 1 < pairs.length(); i += 2) {
			char from = pairs.charAt(i);
			if (from < 0x80) {
				throw new IllegalStateException("unpaired entry at " + i + " in " + pairs);
			}
			if (from < TABLE.length) {
				TABLE[from] = Character.toLowerCase(pairs.charAt(i + 1));
			}
		}
	}

	/**
	 * Fold a text for matching.
	 */
	public static String fold(String text) {
		byte[] bytes = AsciiBytes.candidate(text);
		String folded = (bytes != null) ? lowerAscii(text, bytes) : null;
		return (folded != null) ? folded : foldUnicode(text);
	}

	/**
	 * {@link #fold} of a text known to be ASCII, given as its bytes: a lower-cased copy
	 * (A-Z are the only characters that change).
	 */
	public static byte[] lowerAscii(byte[] ascii) {
		byte[] bytes = ascii.clone();
		int length = bytes.length;
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			long word = AsciiBytes.word(bytes, i);
			long lower = AsciiBytes.toLowerCase(word);
			if (lower != word) {
				AsciiBytes.setWord(bytes, i, lower);
			}
		}
		for (; i < length; i++) {
			byte b = bytes[i];
			if (b >= 'A' && b <= 'Z') {
				bytes[i] = (byte) (b + 32);
			}
		}
		return bytes;
	}

	/**
	 * Plain ASCII, the common case: only A-Z change, eight bytes at a time.
	 * @return the lower-cased text, or {@code null} when it is not ASCII after all
	 */
	private static String lowerAscii(String text, byte[] bytes) {
		boolean changed = false;
		int length = bytes.length;
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			long word = AsciiBytes.word(bytes, i);
			if (!AsciiBytes.isAsciiWord(text, bytes, i, word)) {
				return null;
			}
			long lower = AsciiBytes.toLowerCase(word);
			if (lower != word) {
				AsciiBytes.setWord(bytes, i, lower);
				changed = true;
			}
		}
		for (; i < length; i++) {
			byte b = bytes[i];
			if (b < 0 || (b == '?' && text.charAt(i) != '?')) {
				return null;
			}
			if (b >= 'A' && b <= 'Z') {
				bytes[i] = (byte) (b + 32);
				changed = true;
			}
		}
		return changed ? AsciiBytes.string(bytes) : text;
	}

	/**
	 * The general path: NFKC, look-alikes folded word by word, lower case. Gives the same
	 * result as the ASCII path on ASCII text.
	 */
	static String foldUnicode(String text) {
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		int length = nfkc.length();
		StringBuilder out = new StringBuilder(length);
		int i = 0;
		while (i < length) {
			if (!Character.isLetter(nfkc.charAt(i))) {
				out.append(Character.toLowerCase(nfkc.charAt(i)));
				i++;
				continue;
			}
			int end = i;
			boolean latin = false;
			boolean allConfusable = true;
			while (end < length && Character.isLetter(nfkc.charAt(end))) {
				char c = nfkc.charAt(end);
				if (c < 0x80) {
					latin = true;
				}
				else if (c >= TABLE.length || TABLE[c] == 0) {
					allConfusable = false;
				}
				end++;
			}
			// Fold only words that mix scripts or are spelled wholly in look-alikes, so
			// that genuine Cyrillic
			// or Greek words stay readable for the detectors of those languages
			boolean foldWord = latin || allConfusable;
			for (int j = i; j < end; j++) {
				char c = nfkc.charAt(j);
				char mapped = (foldWord && c < TABLE.length) ? TABLE[c] : 0;
				out.append((mapped != 0) ? mapped : Character.toLowerCase(c));
			}
			i = end;
		}
		return out.toString();
	}

}
