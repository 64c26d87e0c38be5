package dev.aisecurity.guard.indirect;

/**
 * Reads one string field of a flat JSON object line: enough for the test documents,
 * without a JSON library on the engine's test path.
 */
final class TinyJson {

	private TinyJson() {
	}

	static String field(String line, String name) {
		String key = "\"" + name + "\":";
		int at = line.indexOf(key);
		if (at < 0) {
			return null;
		}
		int i = at + key.length();
		while (line.charAt(i) == ' ') {
			i++;
		}
		if (line.charAt(i) != '"') {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (i = i + 1; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				break;
			}
			if (c == '\\') {
				char e = line.charAt(++i);
				switch (e) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'u' -> {
						out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
						i += 4;
					}
					default -> out.append(e);
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
