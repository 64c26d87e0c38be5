package dev.aisecurity.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a provider model name floats: an alias such as {@code gpt-4o} or
 * {@code claude-3-5-sonnet-latest} that the provider may point at a new snapshot at any
 * time, silently changing the application's behaviour.
 * <p>
 * A name counts as pinned when it carries a dated snapshot ({@code 2024-08-06},
 * {@code 20241022}, a trailing {@code 0613} or {@code 2407}), a numbered revision
 * ({@code -002}, {@code -v1:0}) or a content digest ({@code @sha256:...}). A
 * {@code latest} token, a missing Ollama tag, or none of the above makes it float. Names
 * known to be fixed although undated can be allowed explicitly.
 */
public final class FloatingModelAliases {

	private final Set<String> allowed;

	/**
	 * Create a checker.
	 * @param allowed model names to treat as pinned although they carry no snapshot
	 */
	public FloatingModelAliases(Set<String> allowed) {
		this.allowed = Set.copyOf(allowed.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList());
	}

	/**
	 * Whether a model name floats.
	 * @param provider the provider (for example {@code openai}, {@code ollama}); may be
	 * {@code null}
	 * @param model the model name
	 * @return {@code true} if the name is a floating alias
	 */
	public boolean isFloating(String provider, String model) {
		if (model == null || model.isBlank()) {
			return false;
		}
		String name = model.strip().toLowerCase(Locale.ROOT);
		if (this.allowed.contains(name) || name.contains("@sha256:")) {
			return false;
		}
		List<String> tokens = tokens(name);
		if (tokens.contains("latest")) {
			return true;
		}
		if ("ollama".equalsIgnoreCase(provider) && name.indexOf(':') < 0) {
			// Ollama resolves a missing tag to "latest"
			return true;
		}
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			boolean last = i == tokens.size() - 1;
			if (isDigits(token, 8) && token.startsWith("20")) {
				return false;
			}
			if (isDigits(token, 4) && token.startsWith("20") && i + 2 < tokens.size() && isDigits(tokens.get(i + 1), 2)
					&& isDigits(tokens.get(i + 2), 2)) {
				return false;
			}
			if (last && i > 0 && (isDigits(token, 4) || isDigits(token, 3))) {
				return false;
			}
			if (i > 0 && token.length() >= 2 && token.charAt(0) == 'v' && isDigits(token.substring(1), -1) && !last) {
				// Bedrock style "...-v1:0"
				return false;
			}
		}
		if ("ollama".equalsIgnoreCase(provider)) {
			return false;
		}
		return true;
	}

	private static List<String> tokens(String name) {
		List<String> tokens = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '-' || c == ':' || c == '.' || c == '/' || c == '_' || c == '@') {
				if (!current.isEmpty()) {
					tokens.add(current.toString());
					current.setLength(0);
				}
			}
			else {
				current.append(c);
			}
		}
		if (!current.isEmpty()) {
			tokens.add(current.toString());
		}
		return tokens;
	}

	private static boolean isDigits(String token, int length) {
		if (token.isEmpty() || (length >= 0 && token.length() != length)) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			if (token.charAt(i) < '0' || token.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
