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
		// plain ASCII, the common case, in one pass: lower-case it, or find a character
		// that needs the full treatment
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				return foldUnicode(text);
			}
			if (c >= 'A' && c <= 'Z') {
				break;
			}
			i++;
		}
		if (i == length) {
			return text;
		}
		char[] chars = text.toCharArray();
		for (; i < length; i++) {
			char c = chars[i];
			if (c >= 0x80) {
				return foldUnicode(text);
			}
			if (c >= 'A' && c <= 'Z') {
				chars[i] = (char) (c + 32);
			}
		}
		return new String(chars);
	}

	private static String foldUnicode(String text) {
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
