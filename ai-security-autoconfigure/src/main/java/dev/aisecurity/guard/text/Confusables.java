package dev.aisecurity.guard.text;

import java.text.Normalizer;
import java.util.Arrays;

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
	 * result as the ASCII path on ASCII text. A word that mixes Latin letters with
	 * look-alikes is folded; a word spelled wholly in look-alikes is folded only among
	 * Latin words (or with no other words to tell), because Cyrillic and Greek have
	 * ordinary words made only of such letters ("Не", "Все", "ОНА" at the start of a
	 * sentence), which must stay readable for the detectors of those languages.
	 */
	static String foldUnicode(String text) {
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		int length = nfkc.length();
		// words as (start, end, kind) triples
		int[] words = new int[3 * 16];
		int count = 0;
		int i = 0;
		while (i < length) {
			if (!Character.isLetter(nfkc.charAt(i))) {
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
			if (3 * count + 3 > words.length) {
				words = Arrays.copyOf(words, 2 * words.length);
			}
			words[3 * count] = i;
			words[3 * count + 1] = end;
			words[3 * count + 2] = latin ? LATIN : allConfusable ? LOOK_ALIKE : OTHER_SCRIPT;
			count++;
			i = end;
		}
		boolean[] fold = wordsToFold(words, count);
		StringBuilder out = new StringBuilder(length);
		int at = 0;
		for (int w = 0; w < count; w++) {
			int from = words[3 * w];
			int to = words[3 * w + 1];
			for (; at < from; at++) {
				out.append(Character.toLowerCase(nfkc.charAt(at)));
			}
			for (int j = from; j < to; j++) {
				char c = nfkc.charAt(j);
				char mapped = (fold[w] && c < TABLE.length) ? TABLE[c] : 0;
				out.append((mapped != 0) ? mapped : Character.toLowerCase(c));
			}
			at = to;
		}
		for (; at < length; at++) {
			out.append(Character.toLowerCase(nfkc.charAt(at)));
		}
		return out.toString();
	}

	private static final int LATIN = 0;

	private static final int LOOK_ALIKE = 1;

	private static final int OTHER_SCRIPT = 2;

	/**
	 * Which words to fold: Latin ones, and look-alike ones whose nearest word that tells
	 * its script, before them (else after them), is Latin, or that have no such word. Two
	 * passes over the words, so the time stays linear in a text of look-alike words.
	 */
	private static boolean[] wordsToFold(int[] words, int count) {
		boolean[] fold = new boolean[count];
		boolean[] undecided = new boolean[count];
		int before = -1;
		for (int w = 0; w < count; w++) {
			int kind = words[3 * w + 2];
			if (kind != LOOK_ALIKE) {
				before = kind;
				fold[w] = kind == LATIN;
			}
			else if (before >= 0) {
				fold[w] = before == LATIN;
			}
			else {
				undecided[w] = true;
			}
		}
		int after = -1;
		for (int w = count - 1; w >= 0; w--) {
			int kind = words[3 * w + 2];
			if (kind != LOOK_ALIKE) {
				after = kind;
			}
			else if (undecided[w]) {
				fold[w] = after < 0 || after == LATIN;
			}
		}
		return fold;
	}

}
