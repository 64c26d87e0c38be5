package dev.aisecurity.guard.secrets;

import java.util.Locale;

/**
 * The values under {@code data:} and {@code stringData:} of a Kubernetes manifest of
 * {@code kind: Secret}. Each YAML document (separated by {@code ---}) is examined once.
 */
final class KubernetesSecretDetector implements SecretDetector {

	@Override
	public void detect(String text, int[] hits, int hitCount, Sink sink) {
		int examinedUntil = -1;
		for (int h = 0; h < hitCount; h++) {
			int hit = hits[h];
			if (hit < examinedUntil || !isSecretKind(text, hit)) {
				continue;
			}
			int documentStart = documentStart(text, hit);
			int documentEnd = documentEnd(text, hit);
			examinedUntil = documentEnd;
			reportData(text, documentStart, documentEnd, sink);
		}
	}

	/** {@code kind: Secret} (any case, optionally quoted) ending its line. */
	private static boolean isSecretKind(String text, int hit) {
		if (hit > 0 && !Character.isWhitespace(text.charAt(hit - 1)) && text.charAt(hit - 1) != '"'
				&& text.charAt(hit - 1) != '{') {
			return false;
		}
		int i = hit + 4;
		if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
			i++;
		}
		if (i >= text.length() || text.charAt(i) != ':') {
			return false;
		}
		i++;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '"'
				|| text.charAt(i) == '\'')) {
			i++;
		}
		if (!text.regionMatches(true, i, "secret", 0, 6)) {
			return false;
		}
		i += 6;
		while (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'' || text.charAt(i) == ' '
				|| text.charAt(i) == ',' || text.charAt(i) == '\r')) {
			i++;
		}
		return i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '}';
	}

	private static int documentStart(String text, int from) {
		int separator = text.lastIndexOf("\n---", from);
		return (separator < 0) ? 0 : separator + 4;
	}

	private static int documentEnd(String text, int from) {
		int separator = text.indexOf("\n---", from);
		return (separator < 0) ? text.length() : separator;
	}

	private static void reportData(String text, int start, int end, Sink sink) {
		int dataIndent = -1;
		int line = start;
		while (line < end) {
			int lineEnd = text.indexOf('\n', line);
			if (lineEnd < 0 || lineEnd > end) {
				lineEnd = end;
			}
			int indent = 0;
			int i = line;
			while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
				indent += (text.charAt(i) == '\t') ? 4 : 1;
				i++;
			}
			String content = text.substring(i, lineEnd).trim();
			if (!content.isEmpty() && !content.startsWith("#")) {
				String lower = content.toLowerCase(Locale.ROOT);
				if (lower.equals("data:") || lower.equals("stringdata:")) {
					dataIndent = indent;
				}
				else if (dataIndent >= 0 && indent > dataIndent) {
					reportEntry(text, i, lineEnd, sink);
				}
				else {
					dataIndent = -1;
				}
			}
			line = lineEnd + 1;
		}
	}

	private static void reportEntry(String text, int start, int end, Sink sink) {
		int colon = -1;
		for (int i = start; i < end; i++) {
			if (text.charAt(i) == ':') {
				colon = i;
				break;
			}
		}
		// a line without a key continues a block scalar (|, >) of the entry above
		int valueStart = (colon < 0 || colon >= end) ? start : colon + 1;
		while (valueStart < end && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '"'
				|| text.charAt(valueStart) == '\'')) {
			valueStart++;
		}
		int valueEnd = end;
		while (valueEnd > valueStart && (Character.isWhitespace(text.charAt(valueEnd - 1))
				|| text.charAt(valueEnd - 1) == '"' || text.charAt(valueEnd - 1) == '\'')) {
			valueEnd--;
		}
		if (valueEnd - valueStart < 10) {
			return;
		}
		String value = text.substring(valueStart, valueEnd);
		if (SecretValues.looksTemplated(value) || value.indexOf(' ') >= 0) {
			return;
		}
		sink.accept(valueStart, valueEnd, 0.85);
	}

}
