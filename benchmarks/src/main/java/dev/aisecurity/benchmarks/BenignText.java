package dev.aisecurity.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Turns documentation files into prose paragraphs and cuts them into prompt-sized pieces,
 * for {@link BenignCorpusScan}. The markup is stripped roughly: the pieces only need to
 * read like text someone could paste into a chat, not to render the page.
 */
final class BenignText {

	/** Shortest paragraph taken as a piece. */
	static final int MIN_PARAGRAPH = 50;

	/** Longest piece; longer paragraphs are cut at sentence ends. */
	static final int MAX_PIECE = 2000;

	/** Shortest sentence taken as a piece of its own. */
	static final int MIN_SENTENCE = 20;

	/** Largest file read; bigger ones are generated tables, not prose. */
	static final int MAX_FILE_BYTES = 8 << 20;

	private BenignText() {
	}

	/**
	 * A piece of text and whether it is a whole paragraph (or a cut of one) or a single
	 * sentence of a longer paragraph.
	 */
	record Piece(String text, boolean sentence) {
	}

	/**
	 * The text of a file's bytes: gunzipped when the name ends in {@code .gz}, UTF-8 or
	 * else ISO-8859-1; {@code null} for binary content.
	 */
	static String decode(String name, byte[] bytes) throws IOException {
		if (name.endsWith(".gz")) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
				bytes = in.readNBytes(MAX_FILE_BYTES);
			}
		}
		int probe = Math.min(bytes.length, 8192);
		for (int i = 0; i < probe; i++) {
			if (bytes[i] == 0) {
				return null;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			// old documentation in Latin-1
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * The paragraphs of a documentation file, by its name (without {@code .gz}) and
	 * content: troff, HTML, Java source (its javadoc comments) or plain text.
	 */
	static List<String> paragraphs(String name, String text) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".java")) {
			return javadoc(text);
		}
		if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) {
			return html(text);
		}
		if (isTroff(text)) {
			return troff(text);
		}
		return plain(text);
	}

	/**
	 * Blocks of lines between blank lines, kept with their line breaks as someone would
	 * paste them.
	 */
	static List<String> plain(String text) {
		List<String> paragraphs = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			String stripped = line.stripTrailing();
			if (stripped.isBlank()) {
				flush(paragraphs, paragraph);
			}
			else {
				if (paragraph.length() > 0) {
					paragraph.append('\n');
				}
				paragraph.append(stripped);
			}
		}
		flush(paragraphs, paragraph);
		return paragraphs;
	}

	private static void flush(List<String> paragraphs, StringBuilder paragraph) {
		String text = paragraph.toString().strip();
		if (!text.isEmpty()) {
			paragraphs.add(text);
		}
		paragraph.setLength(0);
	}

	static boolean isTroff(String text) {
		int checked = 0;
		int macros = 0;
		int start = 0;
		while (start < text.length() && checked < 40) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			String line = text.substring(start, end);
			start = end + 1;
			if (line.isBlank()) {
				continue;
			}
			checked++;
			if (line.startsWith(".TH ") || line.startsWith(".Dd") || line.startsWith(".so ")) {
				return true;
			}
			if (line.startsWith(".") || line.startsWith("'\\\"")) {
				macros++;
			}
		}
		return checked >= 5 && macros * 2 > checked;
	}

	/**
	 * The running text of a troff (man or mdoc) page: requests that start a paragraph or
	 * section end one, headings and comments are dropped, the arguments of font and mdoc
	 * macros are kept as words, and escapes are removed or replaced by the character they
	 * stand for.
	 */
	static List<String> troff(String text) {
		List<String> paragraphs = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		boolean inDefinition = false;
		for (String line : text.split("\n", -1)) {
			if (inDefinition) {
				inDefinition = !line.startsWith("..");
				continue;
			}
			if (line.startsWith(".\\\"") || line.startsWith("'\\\"") || line.startsWith("\\\"")) {
				continue;
			}
			if (line.startsWith(".") || line.startsWith("'")) {
				String request = line.substring(1).strip();
				int space = request.indexOf(' ');
				String macro = (space < 0) ? request : request.substring(0, space);
				String arguments = (space < 0) ? "" : request.substring(space + 1).strip();
				if (macro.equals("de") || macro.equals("de1") || macro.equals("am") || macro.equals("ig")) {
					inDefinition = true;
					continue;
				}
				if (TROFF_BREAKS.contains("|" + macro + "|")) {
					flush(paragraphs, paragraph);
					if (macro.equals("IP") || macro.equals("It") || macro.equals("TP")) {
						// an item's tag stays with its text
						appendWords(paragraph, troffArguments(arguments, false));
					}
					continue;
				}
				if (TROFF_INLINE.contains("|" + macro + "|")
						|| Character.isUpperCase(macro.isEmpty() ? 'x' : macro.charAt(0))) {
					appendWords(paragraph, troffArguments(arguments, macro.length() == 2
							&& Character.isUpperCase(macro.charAt(0)) && Character.isLowerCase(macro.charAt(1))));
				}
				// other requests (ft, in, ne, ta, nr, ds, if, ...) set up the layout
				continue;
			}
			if (line.isBlank()) {
				flush(paragraphs, paragraph);
				continue;
			}
			appendWords(paragraph, troffEscapes(line));
		}
		flush(paragraphs, paragraph);
		return paragraphs;
	}

	private static final String TROFF_BREAKS = "|PP|P|LP|SH|SS|Sh|Ss|Pp|sp|br|TP|IP|HP|RS|RE|Bl|El|It|Bd|Ed|nf|fi|TH|Dd|Dt|Os|TS|TE|EX|EE|bp|in|ti|ce|";

	private static final String TROFF_INLINE = "|B|I|R|BR|RB|BI|IB|IR|RI|SM|SB|UR|UE|MT|ME|OP|SY|YS|";

	/**
	 * Words of a macro's arguments: quotes removed, and in mdoc the macro names among
	 * them ({@code Op Fl a}) dropped.
	 */
	private static String troffArguments(String arguments, boolean mdoc) {
		String text = troffEscapes(arguments.replace("\"", ""));
		if (!mdoc) {
			return text;
		}
		StringBuilder words = new StringBuilder();
		for (String word : text.split(" ")) {
			boolean macroName = word.length() == 2 && Character.isUpperCase(word.charAt(0))
					&& Character.isLowerCase(word.charAt(1));
			if (!macroName && !word.isEmpty()) {
				if (words.length() > 0) {
					words.append(' ');
				}
				words.append(word);
			}
		}
		return words.toString();
	}

	/**
	 * The troff escapes of a line: fonts and sizes removed, special characters replaced.
	 */
	static String troffEscapes(String line) {
		StringBuilder out = new StringBuilder(line.length());
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c != '\\' || i + 1 >= line.length()) {
				out.append(c);
				i++;
				continue;
			}
			char e = line.charAt(i + 1);
			i += 2;
			switch (e) {
				case 'f', 'F', 's', 'n', 'm', 'k', 'g', 'z' -> {
					// a font, size or register: \fB, \f(CW, \f[BI], \s-1, \s+2, \n(xx
					if (e == 's' && i < line.length() && (line.charAt(i) == '+' || line.charAt(i) == '-')) {
						i++;
					}
					i = skipName(line, i);
					if (e == 's') {
						while (i < line.length() && Character.isDigit(line.charAt(i))) {
							i++;
						}
					}
				}
				case '(' -> {
					String name = line.substring(i, Math.min(i + 2, line.length()));
					out.append(specialCharacter(name));
					i = Math.min(i + 2, line.length());
				}
				case '[' -> {
					int close = line.indexOf(']', i);
					int end = (close < 0) ? line.length() : close;
					out.append(specialCharacter(line.substring(i, end)));
					i = (close < 0) ? line.length() : close + 1;
				}
				case '*' -> {
					int from = i;
					i = skipName(line, i);
					String name = line.substring(from, i).replace("(", "").replace("[", "").replace("]", "");
					out.append(name.equals("lq") || name.equals("rq") || name.equals("Lq") || name.equals("Rq") ? "\""
							: (name.equals("R") ? "(R)" : ""));
				}
				case '-' -> out.append('-');
				case 'e', '\\' -> out.append('\\');
				case ' ', '~', '0' -> out.append(' ');
				case '\'' -> out.append('\'');
				case '`' -> out.append('`');
				case '.' -> out.append('.');
				case '"' -> i = line.length(); // a comment to the end of the line
				default -> {
					// \& \| \^ \% \c \: \) and unknown escapes print nothing
				}
			}
		}
		return out.toString();
	}

	/** Skips the name after an escape: one character, {@code (xx} or {@code [name]}. */
	private static int skipName(String line, int i) {
		if (i >= line.length()) {
			return i;
		}
		char c = line.charAt(i);
		if (c == '(') {
			return Math.min(i + 3, line.length());
		}
		if (c == '[') {
			int close = line.indexOf(']', i);
			return (close < 0) ? line.length() : close + 1;
		}
		return i + 1;
	}

	private static String specialCharacter(String name) {
		return switch (name) {
			case "em", "en", "hy", "mi" -> "-";
			case "lq", "rq", "dq" -> "\"";
			case "oq", "cq", "aq" -> "'";
			case "bu" -> "*";
			case "co" -> "(c)";
			case "rg" -> "(R)";
			case "<=" -> "<=";
			case ">=" -> ">=";
			case "ti", "ap" -> "~";
			case "ga" -> "`";
			case "ha" -> "^";
			case "rs" -> "\\";
			case "mu" -> "x";
			default -> "";
		};
	}

	private static void appendWords(StringBuilder paragraph, String words) {
		String stripped = words.strip();
		if (stripped.isEmpty()) {
			return;
		}
		if (paragraph.length() > 0) {
			paragraph.append(' ');
		}
		paragraph.append(stripped);
	}

	/**
	 * The prose of the javadoc comments of a Java source file: inline tags replaced by
	 * their text, block tags other than {@code @param}, {@code @return} and
	 * {@code @throws} dropped, HTML as in {@link #html(String)}.
	 */
	static List<String> javadoc(String source) {
		List<String> paragraphs = new ArrayList<>();
		int from = 0;
		while (true) {
			int open = source.indexOf("/**", from);
			if (open < 0) {
				break;
			}
			int close = source.indexOf("*/", open + 3);
			if (close < 0) {
				break;
			}
			from = close + 2;
			StringBuilder body = new StringBuilder();
			for (String line : source.substring(open + 3, close).split("\n", -1)) {
				String stripped = line.strip();
				while (stripped.startsWith("*")) {
					stripped = stripped.substring(1);
				}
				stripped = stripped.strip();
				if (stripped.startsWith("@")) {
					int space = stripped.indexOf(' ');
					String tag = (space < 0) ? stripped : stripped.substring(0, space);
					String rest = (space < 0) ? "" : stripped.substring(space + 1).strip();
					if (tag.equals("@param") || tag.equals("@throws") || tag.equals("@exception")) {
						int name = rest.indexOf(' ');
						rest = (name < 0) ? "" : rest.substring(name + 1);
					}
					else if (!tag.equals("@return") && !tag.equals("@apiNote") && !tag.equals("@implNote")
							&& !tag.equals("@implSpec") && !tag.equals("@deprecated")) {
						rest = "";
					}
					body.append("<p>").append(rest).append('\n');
				}
				else {
					body.append(stripped).append('\n');
				}
			}
			paragraphs.addAll(html(inlineTags(body.toString())));
		}
		return paragraphs;
	}

	/**
	 * {@code {@code x}} and {@code {@literal x}} as x, {@code {@link a#b text}} as text.
	 */
	static String inlineTags(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			if (!text.startsWith("{@", i)) {
				out.append(text.charAt(i++));
				continue;
			}
			int depth = 0;
			int end = i;
			while (end < text.length()) {
				char c = text.charAt(end);
				if (c == '{') {
					depth++;
				}
				else if (c == '}' && --depth == 0) {
					break;
				}
				end++;
			}
			String inner = text.substring(i + 2, Math.min(end, text.length()));
			i = Math.min(end + 1, text.length());
			int space = inner.indexOf(' ');
			String tag = (space < 0) ? inner.strip() : inner.substring(0, space);
			String rest = (space < 0) ? "" : inner.substring(space + 1).strip();
			switch (tag) {
				case "code", "literal", "systemProperty", "index", "summary", "return" ->
					out.append(tag.equals("code") || tag.equals("literal")
							? rest.replace("<", "&lt;").replace(">", "&gt;") : rest);
				case "link", "linkplain", "value", "see" -> {
					int label = rest.indexOf(' ');
					String shown = (label < 0) ? rest : rest.substring(label + 1).strip();
					if (label < 0) {
						shown = shown.startsWith("#") ? shown.substring(1) : shown.replace('#', '.');
					}
					out.append(shown);
				}
				default -> {
					// {@inheritDoc}, {@docRoot}: nothing to read
				}
			}
		}
		return out.toString();
	}

	/**
	 * The paragraphs of an HTML fragment or page: block elements end a paragraph, other
	 * tags are removed, scripts and styles dropped, entities decoded, white space
	 * collapsed.
	 */
	static List<String> html(String html) {
		List<String> paragraphs = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		int i = 0;
		while (i < html.length()) {
			char c = html.charAt(i);
			if (c == '<') {
				int close = html.indexOf('>', i);
				if (close < 0) {
					break;
				}
				String tag = tagName(html, i + 1, close);
				boolean opening = html.charAt(i + 1) != '/';
				i = close + 1;
				if (opening && (tag.equals("script") || tag.equals("style"))) {
					int end = html.toLowerCase(Locale.ROOT).indexOf("</" + tag, i);
					i = (end < 0) ? html.length() : end;
				}
				else if (HTML_BLOCKS.contains("|" + tag + "|")) {
					flushCollapsed(paragraphs, paragraph);
				}
				continue;
			}
			if (c == '&') {
				int semi = html.indexOf(';', i);
				if (semi > i && semi - i <= 10) {
					paragraph.append(entity(html.substring(i + 1, semi)));
					i = semi + 1;
					continue;
				}
			}
			paragraph.append(c);
			i++;
		}
		flushCollapsed(paragraphs, paragraph);
		return paragraphs;
	}

	private static final String HTML_BLOCKS = "|p|br|li|ul|ol|dl|dt|dd|h1|h2|h3|h4|h5|h6|pre|table|tr|td|th|blockquote|div|hr|section|title|";

	private static String tagName(String html, int from, int to) {
		int i = from;
		if (i < to && html.charAt(i) == '/') {
			i++;
		}
		int start = i;
		while (i < to && Character.isLetterOrDigit(html.charAt(i))) {
			i++;
		}
		return html.substring(start, i).toLowerCase(Locale.ROOT);
	}

	private static String entity(String name) {
		switch (name) {
			case "lt":
				return "<";
			case "gt":
				return ">";
			case "amp":
				return "&";
			case "quot":
				return "\"";
			case "apos":
				return "'";
			case "nbsp":
				return " ";
			default:
				break;
		}
		try {
			if (name.startsWith("#x") || name.startsWith("#X")) {
				return Character.toString(Integer.parseInt(name.substring(2), 16));
			}
			if (name.startsWith("#")) {
				return Character.toString(Integer.parseInt(name.substring(1)));
			}
		}
		catch (IllegalArgumentException ex) {
			// not a character reference: keep nothing
		}
		return " ";
	}

	private static void flushCollapsed(List<String> paragraphs, StringBuilder paragraph) {
		String collapsed = String.join(" ", paragraph.toString().strip().split("\\s+"));
		if (!collapsed.isEmpty()) {
			paragraphs.add(collapsed);
		}
		paragraph.setLength(0);
	}

	/**
	 * The pieces of a paragraph: the paragraph itself when it has 50 to 2,000 characters
	 * (longer ones cut at sentence ends into pieces of at most 2,000), and each of its
	 * sentences of at least 20 characters when it has more than one.
	 */
	static List<Piece> pieces(String paragraph) {
		List<Piece> pieces = new ArrayList<>();
		List<String> sentences = sentences(paragraph);
		if (paragraph.length() <= MAX_PIECE) {
			if (paragraph.length() >= MIN_PARAGRAPH) {
				pieces.add(new Piece(paragraph, false));
			}
		}
		else {
			StringBuilder cut = new StringBuilder();
			for (String sentence : sentences) {
				if (cut.length() > 0 && cut.length() + 1 + sentence.length() > MAX_PIECE) {
					addCut(pieces, cut);
				}
				if (cut.length() > 0) {
					cut.append(' ');
				}
				cut.append(sentence, 0, Math.min(sentence.length(), MAX_PIECE));
			}
			addCut(pieces, cut);
		}
		if (sentences.size() > 1) {
			for (String sentence : sentences) {
				if (sentence.length() >= MIN_SENTENCE && sentence.length() <= MAX_PIECE) {
					pieces.add(new Piece(sentence, true));
				}
			}
		}
		return pieces;
	}

	private static void addCut(List<Piece> pieces, StringBuilder cut) {
		if (cut.length() >= MIN_PARAGRAPH) {
			pieces.add(new Piece(cut.toString(), false));
		}
		cut.setLength(0);
	}

	/**
	 * Sentences: text up to a full stop, question or exclamation mark followed by white
	 * space (or a CJK one), stripped.
	 */
	static List<String> sentences(String paragraph) {
		List<String> sentences = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < paragraph.length(); i++) {
			char c = paragraph.charAt(i);
			boolean end = c == '。' || c == '？' || c == '！' || ((c == '.' || c == '?' || c == '!')
					&& (i + 1 == paragraph.length() || Character.isWhitespace(paragraph.charAt(i + 1))));
			if (end) {
				addSentence(sentences, paragraph.substring(start, i + 1));
				start = i + 1;
			}
		}
		addSentence(sentences, paragraph.substring(start));
		return sentences;
	}

	private static void addSentence(List<String> sentences, String sentence) {
		String stripped = sentence.strip();
		if (!stripped.isEmpty()) {
			sentences.add(stripped);
		}
	}

}
