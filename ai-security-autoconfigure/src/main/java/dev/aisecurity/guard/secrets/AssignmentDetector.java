package dev.aisecurity.guard.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds values assigned to secret-sounding names, in the many spellings of code and
 * configuration: {@code api_key = "..."}, {@code "clientSecret": "..."},
 * {@code TOKEN := ...}, {@code $token .= '...'}, {@code <authToken>...</authToken>},
 * {@code setProperty("DB_PASSWORD", "...")}, {@code var token string = "..."}.
 * <p>
 * The name decides what kind of value to expect: its last word must be a secret noun
 * (key, token, secret, password...) and no word may mark it as public or harmless
 * ({@code publicKey}, {@code csrf_token}, {@code key_id}, {@code token_url}). The value
 * must then pass {@link SecretValues}: random-looking for keys and tokens, non-trivial
 * for passwords. Hand-written, linear: each keyword occurrence looks at a bounded stretch
 * around it, and names already examined are skipped.
 */
final class AssignmentDetector implements SecretDetector {

	/** The prefilter keywords. */
	static final String[] KEYWORDS = { "key", "token", "secret", "passw", "pwd", "passphrase", "credential", "auth",
			"apikey" };

	private static final Set<String> SECRET_NOUNS = Set.of("key", "token", "secret", "password", "passwd", "pwd",
			"pass", "passphrase", "passcode", "credential", "credentials", "creds", "auth", "apikey", "pat", "psk");

	private static final Set<String> PASSWORD_NOUNS = Set.of("password", "passwd", "pwd", "pass", "passphrase",
			"passcode");

	/** Prefixes that make a compound word a secret noun: apikey, accesstoken... */
	private static final String[] COMPOUND_PREFIXES = { "api", "access", "secret", "private", "auth", "client", "app",
			"master", "bearer", "refresh", "session", "signing", "encryption", "license", "service", "admin", "root",
			"db", "user", "account", "bot", "personal", "deploy", "webhook", "integration", "consumer", "oauth", "id",
			"login", "shared", "sas", "storage", "write", "read", "upload", "ingest" };

	/** Words that make a name harmless wherever they appear in it. */
	private static final Set<String> HARMLESS_WORDS = Set.of("public", "publishable", "pub", "csrf", "xsrf",
			"authenticity", "next", "page", "continuation", "cancellation", "pagination", "cursor", "sync",
			"idempotency", "nonce", "sort", "partition", "cache", "primary", "foreign", "sequence", "hotkey",
			"keyboard", "monkey", "turnkey", "keystroke", "keyframe", "keyword", "keypress", "keycode", "keymap",
			"lexer", "parser", "author", "authors", "authority", "authorities", "oauth2", "tokenizer", "tokens", "keys",
			"secrets", "passwords", "credentials_id", "hash", "hashed", "digest", "salt", "length", "size", "type",
			"name", "id", "ids", "url", "uri", "endpoint", "file", "path", "dir", "format", "prefix", "suffix",
			"header", "field", "param", "count", "max", "min", "version", "policy", "mode", "enabled", "required",
			"expiry", "expires", "expiration", "ttl", "timeout", "ref", "reference", "label", "hint", "placeholder",
			"regex", "pattern", "algorithm", "alg", "usage", "location", "description", "desc", "title", "text",
			"error", "status", "state", "selector", "class", "style", "template", "spec", "schema", "mock", "fake",
			"dummy", "example", "sample");

	/** Trailing words that qualify the noun before them: {@code api_key_prod}. */
	private static final Set<String> QUALIFIERS = Set.of("value", "val", "prod", "production", "dev", "live", "staging",
			"b64", "base64", "raw", "str", "string", "enc", "encoded", "main", "default", "current", "new", "old", "v1",
			"v2");

	private static final int MAX_NAME = 80;

	private static final int MAX_VALUE = 512;

	@Override
	public void detect(String text, int[] hits, int hitCount, Sink sink) {
		int examinedUntil = -1;
		for (int h = 0; h < hitCount; h++) {
			int hit = hits[h];
			if (hit < examinedUntil) {
				continue;
			}
			int nameStart = hit;
			while (nameStart > 0 && hit - nameStart < MAX_NAME && isNameChar(text.charAt(nameStart - 1))) {
				nameStart--;
			}
			int nameEnd = hit;
			while (nameEnd < text.length() && nameEnd - hit < MAX_NAME && isNameChar(text.charAt(nameEnd))) {
				nameEnd++;
			}
			examinedUntil = nameEnd;
			while (nameEnd > nameStart && (text.charAt(nameEnd - 1) == '.' || text.charAt(nameEnd - 1) == '-')) {
				nameEnd--;
			}
			while (nameStart < nameEnd && (text.charAt(nameStart) == '.' || text.charAt(nameStart) == '-')) {
				nameStart++;
			}
			if (nameEnd <= nameStart) {
				continue;
			}
			int kind = classifyName(text.substring(nameStart, nameEnd));
			if (kind == NOT_SECRET) {
				continue;
			}
			int[] value = findValue(text, nameStart, nameEnd);
			if (value == null) {
				continue;
			}
			// a value is examined once, whether or not it is a secret: keywords inside it
			// are not names
			examinedUntil = Math.max(examinedUntil, value[1]);
			String candidate = text.substring(value[0], value[1]);
			boolean secret = (kind == PASSWORD) ? SecretValues.isLikelyPassword(candidate)
					: SecretValues.isLikelySecret(candidate);
			if (secret) {
				sink.accept(value[0], value[1], (kind == PASSWORD) ? 0.8 : 0.85);
			}
		}
	}

	static final int NOT_SECRET = 0;

	static final int SECRET = 1;

	static final int PASSWORD = 2;

	/**
	 * Classify a name by its words: camelCase, snake_case, kebab-case and dotted names
	 * are split into lower-case words.
	 */
	static int classifyName(String name) {
		List<String> words = splitWords(name);
		if (words.isEmpty()) {
			return NOT_SECRET;
		}
		int last = words.size() - 1;
		while (last > 0 && (QUALIFIERS.contains(words.get(last)) || isDigits(words.get(last)))) {
			last--;
		}
		for (int i = 0; i <= last; i++) {
			if (HARMLESS_WORDS.contains(words.get(i))) {
				return NOT_SECRET;
			}
		}
		String noun = words.get(last);
		if (PASSWORD_NOUNS.contains(noun)) {
			return PASSWORD;
		}
		if (SECRET_NOUNS.contains(noun)) {
			return SECRET;
		}
		for (String suffix : new String[] { "password", "passwd" }) {
			if (noun.endsWith(suffix)) {
				return PASSWORD;
			}
		}
		for (String suffix : new String[] { "token", "secret" }) {
			if (noun.endsWith(suffix) && noun.length() > suffix.length()) {
				return SECRET;
			}
		}
		for (String suffix : new String[] { "key", "pwd", "auth" }) {
			if (noun.endsWith(suffix)) {
				String prefix = noun.substring(0, noun.length() - suffix.length());
				for (String known : COMPOUND_PREFIXES) {
					if (prefix.endsWith(known)) {
						return suffix.equals("pwd") ? PASSWORD : SECRET;
					}
				}
			}
		}
		return NOT_SECRET;
	}

	static List<String> splitWords(String name) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '_' || c == '-' || c == '.' || c == '$') {
				flush(word, words);
				continue;
			}
			if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
				flush(word, words);
			}
			else if (i > 0 && Character.isDigit(c) != Character.isDigit(name.charAt(i - 1))) {
				flush(word, words);
			}
			word.append(Character.toLowerCase(c));
		}
		flush(word, words);
		return words;
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (!word.isEmpty()) {
			words.add(word.toString().toLowerCase(Locale.ROOT));
			word.setLength(0);
		}
	}

	private static boolean isDigits(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (!Character.isDigit(word.charAt(i))) {
				return false;
			}
		}
		return !word.isEmpty();
	}

	static boolean isNameChar(char c) {
		return SecretRule.isWordChar(c) || c == '.' || c == '-';
	}

	/**
	 * Parse what follows a name: closing quote, an assignment operator, an opening quote
	 * and the value. Returns the value's span, or null.
	 */
	static int[] findValue(String text, int nameStart, int nameEnd) {
		int length = text.length();
		char before = (nameStart > 0) ? text.charAt(nameStart - 1) : ' ';
		boolean quotedName = isQuote(before);
		boolean element = before == '<';
		int i = nameEnd;
		if (i < length && isQuote(text.charAt(i))) {
			if (!quotedName) {
				return null;
			}
			i++;
		}
		if (i < length && text.charAt(i) == ']') {
			i++;
		}
		i = skipBlanks(text, i, false);
		if (!quotedName && !element && i < length && Character.isLetter(text.charAt(i))) {
			// a type between name and operator: var token string = "..."
			int typeEnd = i;
			while (typeEnd < length && typeEnd - i <= 12 && Character.isLetter(text.charAt(typeEnd))) {
				typeEnd++;
			}
			if (typeEnd - i > 12) {
				return null;
			}
			i = skipBlanks(text, typeEnd, false);
			if (i >= length || text.charAt(i) != '=' || text.startsWith("==", i)) {
				return null;
			}
		}
		int operatorEnd = operatorEnd(text, i, quotedName, element);
		if (operatorEnd < 0) {
			return null;
		}
		i = skipBlanks(text, operatorEnd, element);
		if (i >= length) {
			return null;
		}
		char quote = text.charAt(i);
		int start;
		int end;
		if (isQuote(quote)) {
			start = i + 1;
			end = start;
			while (end < length && end - start <= MAX_VALUE && text.charAt(end) != quote && text.charAt(end) != '\n') {
				end++;
			}
			if (end >= length || text.charAt(end) != quote) {
				return null;
			}
		}
		else {
			start = i;
			end = start;
			while (end < length && end - start <= MAX_VALUE && !isValueTerminator(text.charAt(end))) {
				end++;
			}
			while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')) {
				end--;
			}
			if (element && !closesElement(text, end)) {
				return null;
			}
		}
		return (end > start) ? new int[] { start, end } : null;
	}

	private static boolean closesElement(String text, int end) {
		int i = skipBlanks(text, end, true);
		return i + 1 < text.length() && text.charAt(i) == '<' && text.charAt(i + 1) == '/';
	}

	private static int operatorEnd(String text, int i, boolean quotedName, boolean element) {
		String[] operators = { ":::=", "::=", ":=", "=>", ".=", "?=", "||=", "+=", "=", ":" };
		for (String operator : operators) {
			if (text.startsWith(operator, i)) {
				int end = i + operator.length();
				if (operator.equals("=") && end < text.length()
						&& (text.charAt(end) == '=' || text.charAt(end) == '~')) {
					return -1; // comparison
				}
				if (operator.equals(":") && end < text.length() && text.charAt(end) == ':') {
					return -1; // scope operator
				}
				return end;
			}
		}
		if (element && i < text.length() && text.charAt(i) == '>') {
			return i + 1;
		}
		if (quotedName && i < text.length() && text.charAt(i) == ',') {
			return i + 1;
		}
		return -1;
	}

	private static int skipBlanks(String text, int i, boolean newlines) {
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) {
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\'' || c == '`';
	}

	private static boolean isValueTerminator(char c) {
		return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' || c == ')'
				|| c == '}' || c == ']' || c == '<' || c == '>' || c == '\\' || c == '&';
	}

}
