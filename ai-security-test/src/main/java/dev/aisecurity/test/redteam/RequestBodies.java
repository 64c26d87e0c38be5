package dev.aisecurity.test.redteam;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns an attack into an HTTP request body: the message as a JSON string inside a
 * template (default {@code {"message":${message}}}), or the attack's raw body. Everything
 * outside printable ASCII is written as a {@code \}{@code uXXXX} escape, so that lone
 * surrogates reach the server's JSON parser intact instead of being replaced while the
 * body is encoded.
 */
public final class RequestBodies {

	/** The placeholder replaced by the message as a JSON string literal. */
	public static final String PLACEHOLDER = "${message}";

	/** The default template. */
	public static final String DEFAULT_TEMPLATE = "{\"message\":" + PLACEHOLDER + "}";

	private final String template;

	private RequestBodies(String template) {
		if (!template.contains(PLACEHOLDER)) {
			throw new IllegalArgumentException("The body template needs the placeholder " + PLACEHOLDER);
		}
		this.template = template;
	}

	static RequestBodies of(String template) {
		return new RequestBodies(Objects.requireNonNull(template, "template"));
	}

	/**
	 * The request body of an attack.
	 * @param attack the attack
	 * @return the bytes to send
	 */
	byte[] body(Attack attack) {
		if (attack.isRawBody()) {
			return attack.rawBody();
		}
		return this.template.replace(PLACEHOLDER, jsonString(attack.text())).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A JSON string literal, ASCII only.
	 * @param text the text
	 * @return the literal, quotes included
	 */
	public static String jsonString(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c >= 0x7f) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
