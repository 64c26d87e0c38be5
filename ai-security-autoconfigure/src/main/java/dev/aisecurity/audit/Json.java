package dev.aisecurity.audit;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal JSON writer for audit data (maps, collections, strings, numbers, booleans):
 * enough for one log line without tying the audit trail to a JSON library.
 */
final class Json {

	private Json() {
	}

	static void write(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				string(out, String.valueOf(entry.getKey()));
				out.append(':');
				write(out, entry.getValue());
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			out.append('[');
			boolean first = true;
			for (Object element : collection) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(out, element);
			}
			out.append(']');
		}
		else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
			out.append("null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			string(out, value.toString());
		}
	}

	static void string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
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

}
