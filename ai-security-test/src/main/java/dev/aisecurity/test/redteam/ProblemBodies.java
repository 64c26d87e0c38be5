package dev.aisecurity.test.redteam;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code code} and {@code reasons} of an RFC 9457 problem detail without a JSON
 * library: a top-level-agnostic scan for {@code "name": "value"} and
 * {@code "name": ["a", "b"]}.
 */
final class ProblemBodies {

	private ProblemBodies() {
	}

	static String stringField(String body, String name) {
		int at = valueStart(body, name);
		if (at < 0 || at >= body.length() || body.charAt(at) != '"') {
			return null;
		}
		StringBuilder value = new StringBuilder();
		return (readString(body, at, value) > 0) ? value.toString() : null;
	}

	static List<String> stringArray(String body, String name) {
		List<String> values = new ArrayList<>();
		int at = valueStart(body, name);
		if (at < 0 || at >= body.length() || body.charAt(at) != '[') {
			return values;
		}
		int i = at + 1;
		while (i < body.length() && values.size() < 64) {
			char c = body.charAt(i);
			if (c == ']') {
				break;
			}
			if (c == '"') {
				StringBuilder value = new StringBuilder();
				i = readString(body, i, value);
				if (i < 0) {
					break;
				}
				values.add(value.toString());
			}
			else {
				i++;
			}
		}
		return values;
	}

	private static int valueStart(String body, String name) {
		if (body == null) {
			return -1;
		}
		String key = "\"" + name + "\"";
		int from = 0;
		while (true) {
			int at = body.indexOf(key, from);
			if (at < 0) {
				return -1;
			}
			int i = skipSpace(body, at + key.length());
			if (i < body.length() && body.charAt(i) == ':') {
				return skipSpace(body, i + 1);
			}
			from = at + 1;
		}
	}

	private static int skipSpace(String body, int i) {
		while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * Read a JSON string starting at its opening quote; returns the index after it, or
	 * -1.
	 */
	private static int readString(String body, int quote, StringBuilder value) {
		for (int i = quote + 1; i < body.length() && value.length() < 256; i++) {
			char c = body.charAt(i);
			if (c == '"') {
				return i + 1;
			}
			if (c == '\\' && i + 1 < body.length()) {
				i++;
			}
			value.append(body.charAt(i));
		}
		return -1;
	}

}
