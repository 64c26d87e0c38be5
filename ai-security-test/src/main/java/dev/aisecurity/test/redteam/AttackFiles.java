package dev.aisecurity.test.redteam;

/**
 * Reads the user's attack files: {@code class-id<TAB>technique<TAB>text} a line.
 */
final class AttackFiles {

	private AttackFiles() {
	}

	/**
	 * Parse one line.
	 * @param line the line
	 * @param source the file name, for ids and errors
	 * @param number the line number
	 * @return the attack, or {@code null} for a blank or comment line
	 */
	static Attack parse(String line, String source, int number) {
		if (line.isBlank() || line.stripLeading().startsWith("#")) {
			return null;
		}
		int first = line.indexOf('\t');
		int second = (first < 0) ? -1 : line.indexOf('\t', first + 1);
		if (second < 0) {
			throw new IllegalArgumentException(source + ":" + number + ": expected class-id<TAB>technique<TAB>text");
		}
		String classId = line.substring(0, first).strip();
		AttackClass attackClass = null;
		for (AttackClass candidate : AttackClass.values()) {
			if (candidate.id().equals(classId)) {
				attackClass = candidate;
			}
		}
		if (attackClass == null || attackClass == AttackClass.MODEL_EXTRACTION) {
			throw new IllegalArgumentException(source + ":" + number + ": unknown attack class '" + classId + "'");
		}
		String technique = line.substring(first + 1, second).strip();
		String text = unescape(line.substring(second + 1), source, number);
		return Attack.text(attackClass.id() + "/" + source + ":" + number + "/" + technique, attackClass, technique,
				text);
	}

	static String unescape(String text, String source, int number) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				out.append(c);
				continue;
			}
			char next = text.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case '\\' -> out.append('\\');
				case 'u' -> {
					if (i + 4 >= text.length()) {
						throw new IllegalArgumentException(source + ":" + number + ": truncated \\u escape");
					}
					try {
						out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException(source + ":" + number + ": bad \\u escape", ex);
					}
					i += 4;
				}
				default -> out.append('\\').append(next);
			}
		}
		return out.toString();
	}

}
