package dev.aisecurity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}) for the security
 * edge: 401, 403, 413, 429 and 503 answers, each with a stable {@code code} property. The
 * detail text is fixed per code and never echoes request content. Written by hand (no
 * JSON library needed in a servlet filter); values are escaped.
 */
public final class ProblemResponses {

	/** The media type of problem details. */
	public static final String PROBLEM_JSON = "application/problem+json";

	/** Base of the {@code type} URIs; the code is appended. */
	public static final String TYPE_BASE = "https://ai-security.dev/problems/";

	private ProblemResponses() {
	}

	/**
	 * Write a problem.
	 * @param response the response
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param title a short summary
	 * @param detail a fixed explanation
	 * @param extensions further properties (strings, numbers, booleans or collections of
	 * strings)
	 * @throws IOException on write failure
	 */
	public static void write(HttpServletResponse response, int status, String code, String title, String detail,
			Map<String, ?> extensions) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		StringBuilder json = new StringBuilder(256);
		json.append('{');
		field(json, "type", type(code)).append(',');
		field(json, "title", title).append(',');
		json.append("\"status\":").append(status).append(',');
		field(json, "detail", detail).append(',');
		field(json, "code", code);
		if (extensions != null) {
			for (Map.Entry<String, ?> entry : extensions.entrySet()) {
				json.append(',');
				string(json, entry.getKey()).append(':');
				value(json, entry.getValue());
			}
		}
		json.append('}');
		byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(PROBLEM_JSON);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/**
	 * The {@code type} URI of a code: {@code AI_RATE_LIMITED} becomes
	 * {@code https://ai-security.dev/problems/rate-limited}.
	 * @param code the code
	 * @return the URI
	 */
	public static String type(String code) {
		String slug = code.startsWith("AI_") ? code.substring(3) : code;
		return TYPE_BASE + slug.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static StringBuilder field(StringBuilder json, String name, String value) {
		string(json, name).append(':');
		return string(json, value);
	}

	private static void value(StringBuilder json, Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Collection<?> collection) {
			json.append('[');
			boolean first = true;
			for (Object item : collection) {
				if (!first) {
					json.append(',');
				}
				first = false;
				value(json, item);
			}
			json.append(']');
		}
		else {
			string(json, value.toString());
		}
	}

	private static StringBuilder string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}
