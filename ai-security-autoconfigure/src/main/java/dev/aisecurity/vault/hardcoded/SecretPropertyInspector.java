package dev.aisecurity.vault.hardcoded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.aisecurity.guard.secrets.SecretMatch;
import dev.aisecurity.guard.secrets.SecretScanner;

import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finds literal secrets in the property sources that come from packaged or file
 * configuration ({@code application*.yml|properties} on the class path or file system,
 * {@code spring.config.additional-location}, ...) and from default properties set in
 * code. Environment variables, system properties, command-line arguments, mounted secret
 * trees ({@code configtree:}) and Vault are run-time sources and are not checked unless
 * listed in {@code additional-checked-sources}.
 * <p>
 * A value counts as a literal secret if its property name looks secret-like and the value
 * is not a placeholder, a switch, a number, a duration, a location or an encrypted value;
 * or if the value matches one of the secret rules of the guard's {@link SecretScanner}
 * (cloud keys, API tokens, private keys, JWTs, ...) whatever its name. Raw values are
 * read from each source, so {@code ${OPENAI_API_KEY}} is recognised as a reference.
 * Values are never copied into a finding.
 */
public class SecretPropertyInspector {

	private static final String CONFIG_FILE_SOURCE_PREFIX = "Config resource";

	private final HardCodedSecretsProperties properties;

	private final SecretScanner scanner;

	public SecretPropertyInspector(HardCodedSecretsProperties properties) {
		this(properties, new SecretScanner());
	}

	/**
	 * Create an inspector with specific secret rules.
	 * @param properties the check's settings
	 * @param scanner the secret rules shared with the guard's secret scanner
	 */
	public SecretPropertyInspector(HardCodedSecretsProperties properties, SecretScanner scanner) {
		this.properties = properties;
		this.scanner = scanner;
	}

	/**
	 * Inspect every checked property source of an environment.
	 * @param environment the environment
	 * @return the literal secrets, first occurrence per property and source
	 */
	public List<HardCodedSecret> inspect(ConfigurableEnvironment environment) {
		Map<String, HardCodedSecret> found = new LinkedHashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!isChecked(source) || !(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				String reason = reason(name, enumerable.getProperty(name));
				if (reason != null) {
					found.putIfAbsent(name + "\u0000" + source.getName(),
							new HardCodedSecret(name, source.getName(), reason));
				}
			}
		}
		return new ArrayList<>(found.values());
	}

	boolean isChecked(PropertySource<?> source) {
		if (source instanceof ConfigTreePropertySource) {
			return false; // a mounted secrets directory is the recommended way
		}
		String name = source.getName();
		if (name.startsWith(CONFIG_FILE_SOURCE_PREFIX) && !name.contains("config tree [")) {
			return true;
		}
		if (name.equals("defaultProperties")) {
			return true;
		}
		if (name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			return false;
		}
		return this.properties.getAdditionalCheckedSources().stream().anyMatch(name::startsWith);
	}

	/**
	 * Why a property value is a literal secret.
	 * @param name the property name
	 * @param rawValue the unresolved value
	 * @return the reason, or {@code null} if it is not one
	 */
	String reason(String name, Object rawValue) {
		if (rawValue == null) {
			return null;
		}
		String value = rawValue.toString().strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.contains("${")) {
			// a reference; but ${OPENAI_API_KEY:sk-...} still hard-codes its default
			for (String fallback : placeholderDefaults(value)) {
				String reason = reason(name, fallback);
				if (reason != null) {
					return "placeholder default: " + reason;
				}
			}
			return null;
		}
		String normalized = normalize(name);
		if (matchesAny(normalized, this.properties.getIgnoredProperties())) {
			return null;
		}
		String known = knownSecretType(value);
		boolean secretName = matchesAny(normalized, this.properties.getSecretProperties());
		if (known != null) {
			return (secretName ? "secret-like property name; value matches secret rule " : "value matches secret rule ")
					+ known;
		}
		if (secretName && !looksHarmless(value)) {
			return "secret-like property name with a literal value";
		}
		return null;
	}

	/**
	 * The default values of the placeholders in a value: {@code x} for {@code ${NAME:x}}.
	 * @param value a raw value
	 * @return the non-empty defaults
	 */
	static List<String> placeholderDefaults(String value) {
		List<String> defaults = new ArrayList<>();
		int start = value.indexOf("${");
		while (start >= 0) {
			int depth = 0;
			int colon = -1;
			int end = -1;
			for (int i = start; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
					depth++;
					i++;
				}
				else if (c == '}') {
					depth--;
					if (depth == 0) {
						end = i;
						break;
					}
				}
				else if (c == ':' && depth == 1 && colon < 0) {
					colon = i;
				}
			}
			if (end < 0) {
				break; // unbalanced: not a placeholder Spring would resolve
			}
			if (colon > 0 && colon + 1 < end) {
				defaults.add(value.substring(colon + 1, end));
			}
			start = value.indexOf("${", end + 1);
		}
		return defaults;
	}

	private String knownSecretType(String value) {
		List<SecretMatch> matches = this.scanner.findSecrets(value);
		return matches.isEmpty() ? null : matches.get(0).type();
	}

	private static boolean looksHarmless(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.equals("true") || lower.equals("false") || lower.equals("none") || lower.equals("null")) {
			return true;
		}
		if (lower.startsWith("{cipher}") || lower.startsWith("vault:v") || lower.startsWith("sha256:")
				|| lower.startsWith("classpath:") || lower.startsWith("file:") || lower.startsWith("env:")) {
			return true; // encrypted, hashed, or a reference to where the secret lives
		}
		if (isNumberOrDuration(lower)) {
			return true;
		}
		int scheme = lower.indexOf("://");
		if (scheme > 0) {
			int authorityEnd = lower.indexOf('/', scheme + 3);
			String authority = lower.substring(scheme + 3, (authorityEnd < 0) ? lower.length() : authorityEnd);
			return authority.indexOf('@') < 0; // a URL without credentials in it
		}
		return false;
	}

	private static boolean isNumberOrDuration(String value) {
		int i = 0;
		while (i < value.length() && (Character.isDigit(value.charAt(i)) || value.charAt(i) == '.')) {
			i++;
		}
		if (i == 0) {
			return false;
		}
		String unit = value.substring(i);
		return unit.isEmpty() || unit.equals("ms") || unit.equals("s") || unit.equals("m") || unit.equals("h")
				|| unit.equals("d") || unit.equals("kb") || unit.equals("mb") || unit.equals("gb");
	}

	/**
	 * Lower-case kebab form: {@code spring.ai.openai.apiKey} becomes
	 * {@code spring.ai.openai.api-key}.
	 */
	static String normalize(String name) {
		StringBuilder result = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
					result.append('-');
				}
				result.append(Character.toLowerCase(c));
			}
			else {
				result.append((c == '_') ? '-' : c);
			}
		}
		return result.toString();
	}

	static boolean matchesAny(String name, List<String> patterns) {
		for (String pattern : patterns) {
			if (glob(normalize(pattern), name)) {
				return true;
			}
		}
		return false;
	}

	/** Glob match where {@code *} matches any run of characters; iterative, no regex. */
	static boolean glob(String pattern, String text) {
		int p = 0;
		int t = 0;
		int star = -1;
		int mark = 0;
		while (t < text.length()) {
			if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
				p++;
				t++;
			}
			else if (p < pattern.length() && pattern.charAt(p) == '*') {
				star = p++;
				mark = t;
			}
			else if (star >= 0) {
				p = star + 1;
				t = ++mark;
			}
			else {
				return false;
			}
		}
		while (p < pattern.length() && pattern.charAt(p) == '*') {
			p++;
		}
		return p == pattern.length();
	}

}
