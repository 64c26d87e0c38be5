package dev.aisecurity.guard.tool;

import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;

/**
 * Checks the arguments a model passes to a tool (a JSON text) for what a tool that
 * touches files, databases or shells must never receive from a model: path traversal
 * ({@value #PATH_TRAVERSAL}), SQL meta-character sequences ({@value #SQL_INJECTION}),
 * shell meta-characters ({@value #SHELL_INJECTION}) and oversized arguments
 * ({@value #ARGUMENT_TOO_LARGE}). JSON string escapes are decoded first, so
 * {@code "\u002e\u002e/"} is read as {@code "../"}. Hand-written, single pass per check:
 * linear in the argument's length. Shell checks are off by default: many tools take free
 * text in which a semicolon or a pipe is ordinary.
 */
public final class ToolArgumentScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "tool-arguments";

	/** Finding category. */
	public static final String CATEGORY = "tool-argument";

	/** Reason code: a path leaves its directory or names a system file. */
	public static final String PATH_TRAVERSAL = "PATH_TRAVERSAL";

	/** Reason code: a quote or comment followed by SQL syntax. */
	public static final String SQL_INJECTION = "SQL_INJECTION";

	/** Reason code: command substitution, chaining or redirection. */
	public static final String SHELL_INJECTION = "SHELL_INJECTION";

	/** Reason code: the arguments exceed the size limit. */
	public static final String ARGUMENT_TOO_LARGE = "ARGUMENT_TOO_LARGE";

	private static final String[] SYSTEM_PATHS = { "/etc/passwd", "/etc/shadow", "/proc/self", "/root/", "~/.ssh",
			"/.ssh/", "id_rsa", "c:\\windows", "c:/windows", "\\\\?\\", "/.aws/", ".env", "web-inf/", "file://",
			"/var/run/secrets", "/.git/", "/.docker/", "/.kube/" };

	private static final String[] SQL_KEYWORDS = { "or", "and", "union", "select", "insert", "update", "delete", "drop",
			"alter", "exec", "execute", "having", "order", "group", "waitfor", "truncate", "shutdown" };

	private final int maxChars;

	private final boolean shell;

	/** Arguments up to 16,384 characters; shell checks off. */
	public ToolArgumentScanner() {
		this(16_384, false);
	}

	/**
	 * @param maxChars largest argument text, in characters
	 * @param shell whether shell meta-characters are reported
	 */
	public ToolArgumentScanner(int maxChars, boolean shell) {
		if (maxChars < 1) {
			throw new IllegalArgumentException("maxChars must be positive");
		}
		this.maxChars = maxChars;
		this.shell = shell;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		String raw = text.original();
		List<Finding> findings = new ArrayList<>(2);
		if (raw.length() > this.maxChars) {
			findings.add(Finding.of(ID, CATEGORY, ARGUMENT_TOO_LARGE, 1.0));
			return findings;
		}
		String decoded = lower(unescapeJson(raw));
		if (traverses(decoded)) {
			findings.add(Finding.of(ID, CATEGORY, PATH_TRAVERSAL, 1.0));
		}
		if (sqlInjection(decoded)) {
			findings.add(Finding.of(ID, CATEGORY, SQL_INJECTION, 0.9));
		}
		if (this.shell && shellInjection(decoded)) {
			findings.add(Finding.of(ID, CATEGORY, SHELL_INJECTION, 0.9));
		}
		return findings;
	}

	static boolean traverses(String text) {
		String value = percentDecode(percentDecode(text));
		for (int i = 0; i + 1 < value.length(); i++) {
			if (value.charAt(i) == '.' && value.charAt(i + 1) == '.') {
				boolean before = i == 0 || isSeparatorOrQuote(value.charAt(i - 1));
				boolean after = i + 2 >= value.length() || isSeparatorOrQuote(value.charAt(i + 2));
				if (before && after) {
					return true;
				}
			}
			if (value.charAt(i) == 0) {
				return true;
			}
		}
		for (String path : SYSTEM_PATHS) {
			if (value.contains(path)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSeparatorOrQuote(char c) {
		return c == '/' || c == '\\' || c == '"' || c == '\'' || c == 0;
	}

	static boolean sqlInjection(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				return true;
			}
			if (c != '\'' && c != ';') {
				continue;
			}
			// a quote closing a literal (or a statement end), then SQL: ' or 1=1, ';
			// drop,
			// ' union select, admin'--
			int j = skipSpaces(text, i + 1);
			if (c == '\'' && j < text.length()
					&& (text.charAt(j) == ';' || text.startsWith("--", j) || text.charAt(j) == '#')) {
				return true;
			}
			if (j == i + 1 && c == '\'') {
				continue;
			}
			String keyword = keywordAt(text, j);
			if (keyword == null) {
				continue;
			}
			if (keyword.equals("or") || keyword.equals("and")) {
				int k = skipSpaces(text, j + keyword.length());
				char operand = charAt(text, k);
				if (Character.isDigit(operand) || operand == '\'' || operand == '(' || text.startsWith("true", k)
						|| text.startsWith("not ", k) || text.startsWith("sleep", k) || text.startsWith("exists", k)) {
					return true;
				}
			}
			else if (keyword.equals("order") || keyword.equals("group")) {
				if (text.startsWith("by", skipSpaces(text, j + keyword.length()))) {
					return true;
				}
			}
			else {
				return true;
			}
		}
		return text.contains("1=1") || text.contains("'='") || text.contains("xp_cmdshell");
	}

	private static String keywordAt(String text, int at) {
		for (String keyword : SQL_KEYWORDS) {
			if (text.startsWith(keyword, at) && !isWordChar(charAt(text, at + keyword.length()))) {
				return keyword;
			}
		}
		return null;
	}

	static boolean shellInjection(String text) {
		return text.contains("$(") || text.contains("`") || text.contains("&&") || text.contains("||")
				|| text.contains("; ") || text.contains("|") || text.contains(">") || text.contains("\n");
	}

	private static int skipSpaces(String text, int from) {
		int j = from;
		while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
			j++;
		}
		return j;
	}

	private static char charAt(String text, int i) {
		return (i >= 0 && i < text.length()) ? text.charAt(i) : ' ';
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	private static String lower(String text) {
		char[] chars = new char[text.length()];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = Character.toLowerCase(text.charAt(i));
		}
		return new String(chars);
	}

	/** Decodes {@code %xx} once; invalid sequences stay as they are. */
	static String percentDecode(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
				int value = hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2));
				// overlong UTF-8 dots (%c0%ae) read as dots
				out.append((value == 0xae && out.length() > 0 && out.charAt(out.length() - 1) == (char) 0xc0) ? '.'
						: (char) value);
				if (value == 0xae && out.length() > 1 && out.charAt(out.length() - 2) == (char) 0xc0) {
					out.deleteCharAt(out.length() - 2);
				}
				i += 2;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

	/** Decodes JSON string escapes ({@code \\uXXXX}, {@code \\/}, {@code \\\\}...). */
	static String unescapeJson(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 >= text.length()) {
				out.append(c);
				continue;
			}
			char e = text.charAt(++i);
			switch (e) {
				case 'u' -> {
					if (i + 4 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0
							&& hex(text.charAt(i + 3)) >= 0 && hex(text.charAt(i + 4)) >= 0) {
						out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
						i += 4;
					}
					else {
						out.append("\\u");
					}
				}
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case '/' -> out.append('/');
				case '"' -> out.append('"');
				case '\\' -> out.append('\\');
				default -> out.append('\\').append(e);
			}
		}
		return out.toString();
	}

}
