package dev.aisecurity.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's one JSON helper, hand-written so that the integrity core, its
 * command-line tool and the audit trail need nothing but the JDK: a small, strict reader
 * and canonical writer for manifests, signatures and state files, and a lenient one-line
 * writer for audit records ({@link #line}).
 * <p>
 * Strict on purpose: duplicate object keys are rejected (two parsers could otherwise
 * disagree about what a signed manifest says), nesting and size are bounded, and only
 * UTF-8 input is accepted. The canonical form sorts object keys by UTF-16 code units,
 * writes no insignificant whitespace and escapes only what JSON requires, so the same
 * content always yields the same bytes whatever the layout of the file.
 */
public final class Json {

	/** Largest document accepted, in bytes: manifests are small. */
	public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

	private static final int MAX_DEPTH = 32;

	private final String text;

	private int pos;

	private Json(String text) {
		this.text = text;
	}

	/**
	 * Parse a UTF-8 JSON document. Objects become insertion-ordered maps, arrays lists,
	 * numbers {@link Long} or {@link BigDecimal}.
	 * @param bytes the document
	 * @return the parsed value
	 * @throws IllegalArgumentException if the document is malformed
	 */
	public static Object parse(byte[] bytes) {
		if (bytes.length > MAX_DOCUMENT_BYTES) {
			throw new IllegalArgumentException("JSON document larger than " + MAX_DOCUMENT_BYTES + " bytes");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new IllegalArgumentException("JSON document is not valid UTF-8");
		}
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		Json parser = new Json(text);
		parser.skipWhitespace();
		Object value = parser.readValue(0);
		parser.skipWhitespace();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected content after the document");
		}
		return value;
	}

	/**
	 * Write a value in canonical form (sorted keys, no whitespace).
	 * @param value maps, lists, strings, numbers, booleans or {@code null}
	 * @return the canonical UTF-8 bytes
	 */
	public static byte[] canonical(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, false, 0);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Write a value for humans: keys in insertion order, two-space indentation.
	 * @param value maps, lists, strings, numbers, booleans or {@code null}
	 * @return the UTF-8 bytes, ending with a newline
	 */
	public static byte[] pretty(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, true, 0);
		out.append('\n');
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * How a value is written: canonical (sorted keys, strict types), pretty (insertion
	 * order, indented, strict types) or as a log line (insertion order, lenient types).
	 */
	private enum Style {

		CANONICAL, PRETTY, LINE

	}

	private static void write(Object value, StringBuilder out, boolean pretty, int indent) {
		write(value, out, pretty ? Style.PRETTY : Style.CANONICAL, indent);
	}

	private static void write(Object value, StringBuilder out, Style style, int indent) {
		boolean pretty = style == Style.PRETTY;
		boolean lenient = style == Style.LINE;
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String string) {
			writeString(string, out, lenient);
		}
		else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
			out.append(value);
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toString());
		}
		else if (value instanceof Map<?, ?> map) {
			Map<?, ?> entries = (style == Style.CANONICAL) ? new TreeMap<>(map) : map;
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : entries.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				newline(out, pretty, indent + 1);
				writeString(lenient ? String.valueOf(entry.getKey()) : (String) entry.getKey(), out, lenient);
				out.append(pretty ? ": " : ":");
				write(entry.getValue(), out, style, indent + 1);
			}
			if (!entries.isEmpty()) {
				newline(out, pretty, indent);
			}
			out.append('}');
		}
		else if (value instanceof List<?> || (lenient && value instanceof Collection<?>)) {
			Collection<?> elements = (Collection<?>) value;
			out.append('[');
			boolean first = true;
			for (Object element : elements) {
				if (!first) {
					out.append(',');
				}
				first = false;
				newline(out, pretty, indent + 1);
				write(element, out, style, indent + 1);
			}
			if (!elements.isEmpty()) {
				newline(out, pretty, indent);
			}
			out.append(']');
		}
		else if (lenient && ((value instanceof Double d && (d.isNaN() || d.isInfinite()))
				|| (value instanceof Float f && (f.isNaN() || f.isInfinite())))) {
			out.append("null");
		}
		else if (lenient && value instanceof Number) {
			out.append(value);
		}
		else if (lenient) {
			writeString(value.toString(), out, true);
		}
		else {
			throw new IllegalArgumentException("Unsupported JSON value type " + value.getClass().getName());
		}
	}

	private static void newline(StringBuilder out, boolean pretty, int indent) {
		if (pretty) {
			out.append('\n');
			out.append("  ".repeat(indent));
		}
	}

	/**
	 * Write a value as one line of JSON for logs and audit records: maps in their own
	 * order, any collection, any number (NaN and infinities as {@code null}), anything
	 * else as its string; line and paragraph separators and C1 controls escaped too, so a
	 * value cannot break the line.
	 * @param out where to write
	 * @param value the value
	 */
	public static void line(StringBuilder out, Object value) {
		write(value, out, Style.LINE, 0);
	}

	/**
	 * @param forLogs also escape C1 controls and U+2028/U+2029 (never in the canonical
	 * form, whose bytes are signed)
	 */
	private static void writeString(String value, StringBuilder out, boolean forLogs) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || (forLogs && ((c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029))) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private Object readValue(int depth) {
		if (depth > MAX_DEPTH) {
			throw error("nesting deeper than " + MAX_DEPTH);
		}
		if (this.pos >= this.text.length()) {
			throw error("unexpected end of document");
		}
		char c = this.text.charAt(this.pos);
		return switch (c) {
			case '{' -> readObject(depth);
			case '[' -> readArray(depth);
			case '"' -> readString();
			case 't' -> readLiteral("true", Boolean.TRUE);
			case 'f' -> readLiteral("false", Boolean.FALSE);
			case 'n' -> readLiteral("null", null);
			default -> {
				if (c == '-' || (c >= '0' && c <= '9')) {
					yield readNumber();
				}
				throw error("unexpected character");
			}
		};
	}

	private Map<String, Object> readObject(int depth) {
		this.pos++;
		Map<String, Object> map = new LinkedHashMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.pos++;
			return map;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a string key");
			}
			String key = readString();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			Object value = readValue(depth + 1);
			if (map.containsKey(key)) {
				throw error("duplicate key");
			}
			map.put(key, value);
			skipWhitespace();
			char c = peek();
			this.pos++;
			if (c == '}') {
				return map;
			}
			if (c != ',') {
				throw error("expected ',' or '}'");
			}
		}
	}

	private List<Object> readArray(int depth) {
		this.pos++;
		List<Object> list = new ArrayList<>();
		skipWhitespace();
		if (peek() == ']') {
			this.pos++;
			return list;
		}
		while (true) {
			skipWhitespace();
			list.add(readValue(depth + 1));
			skipWhitespace();
			char c = peek();
			this.pos++;
			if (c == ']') {
				return list;
			}
			if (c != ',') {
				throw error("expected ',' or ']'");
			}
		}
	}

	private String readString() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			if (this.pos >= this.text.length()) {
				throw error("unterminated string");
			}
			char c = this.text.charAt(this.pos++);
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("control character in string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (this.pos >= this.text.length()) {
				throw error("unterminated escape");
			}
			char e = this.text.charAt(this.pos++);
			switch (e) {
				case '"' -> out.append('"');
				case '\\' -> out.append('\\');
				case '/' -> out.append('/');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (this.pos + 4 > this.text.length()) {
						throw error("truncated unicode escape");
					}
					int code = 0;
					for (int i = 0; i < 4; i++) {
						int digit = Character.digit(this.text.charAt(this.pos++), 16);
						if (digit < 0) {
							throw error("invalid unicode escape");
						}
						code = (code << 4) | digit;
					}
					out.append((char) code);
				}
				default -> throw error("invalid escape");
			}
		}
	}

	private Object readNumber() {
		int start = this.pos;
		if (peek() == '-') {
			this.pos++;
		}
		int digitsStart = this.pos;
		while (this.pos < this.text.length() && isDigit(this.text.charAt(this.pos))) {
			this.pos++;
		}
		if (this.pos == digitsStart) {
			throw error("invalid number");
		}
		if (this.pos - digitsStart > 1 && this.text.charAt(digitsStart) == '0') {
			throw error("leading zero in number");
		}
		boolean integral = true;
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == '.') {
			integral = false;
			this.pos++;
			int fractionStart = this.pos;
			while (this.pos < this.text.length() && isDigit(this.text.charAt(this.pos))) {
				this.pos++;
			}
			if (this.pos == fractionStart) {
				throw error("invalid number");
			}
		}
		if (this.pos < this.text.length() && (this.text.charAt(this.pos) == 'e' || this.text.charAt(this.pos) == 'E')) {
			integral = false;
			this.pos++;
			if (this.pos < this.text.length()
					&& (this.text.charAt(this.pos) == '+' || this.text.charAt(this.pos) == '-')) {
				this.pos++;
			}
			int exponentStart = this.pos;
			while (this.pos < this.text.length() && isDigit(this.text.charAt(this.pos))) {
				this.pos++;
			}
			if (this.pos == exponentStart || this.pos - exponentStart > 4) {
				throw error("invalid exponent");
			}
		}
		String number = this.text.substring(start, this.pos);
		if (integral && number.length() <= 18) {
			return Long.parseLong(number);
		}
		return new BigDecimal(number);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private Object readLiteral(String literal, Object value) {
		if (!this.text.startsWith(literal, this.pos)) {
			throw error("invalid literal");
		}
		this.pos += literal.length();
		return value;
	}

	private char peek() {
		if (this.pos >= this.text.length()) {
			throw error("unexpected end of document");
		}
		return this.text.charAt(this.pos);
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("expected '" + c + "'");
		}
		this.pos++;
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				return;
			}
			this.pos++;
		}
	}

	private IllegalArgumentException error(String reason) {
		// Position only: the document content is never echoed back
		return new IllegalArgumentException("Malformed JSON at offset " + this.pos + ": " + reason);
	}

	/**
	 * Read a JSON object as a map, failing with a message naming {@code what}.
	 * @param value a parsed value
	 * @param what what the value is, for the message
	 * @return the map
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> object(Object value, String what) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new IllegalArgumentException(what + " must be a JSON object");
	}

	/**
	 * Read a JSON array as a list (empty for {@code null}), failing with a message naming
	 * {@code what}.
	 * @param value a parsed value
	 * @param what what the value is, for the message
	 * @return the list
	 */
	public static List<Object> array(Object value, String what) {
		if (value == null) {
			return Collections.emptyList();
		}
		if (value instanceof List<?> list) {
			return Collections.unmodifiableList(new ArrayList<>(list));
		}
		throw new IllegalArgumentException(what + " must be a JSON array");
	}

	/**
	 * Read a string member of an object.
	 * @param map the object
	 * @param key the member
	 * @param what what the object is, for the message
	 * @param required whether a missing or blank member fails
	 * @return the string, {@code null} when absent and not required
	 */
	public static String string(Map<String, Object> map, String key, String what, boolean required) {
		Object value = map.get(key);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException(what + " has no '" + key + "'");
			}
			return null;
		}
		if (value instanceof String string) {
			if (required && string.isBlank()) {
				throw new IllegalArgumentException(what + " has an empty '" + key + "'");
			}
			return string;
		}
		throw new IllegalArgumentException(what + " '" + key + "' must be a string");
	}

}
