package dev.aisecurity.test.redteam;

/**
 * Joins the {@code data:} lines of a server-sent event stream, so that a marker split
 * across events is still found.
 */
final class ServerSentEvents {

	private ServerSentEvents() {
	}

	static String data(String stream) {
		StringBuilder data = new StringBuilder();
		boolean firstInEvent = true;
		for (String line : (Iterable<String>) stream.lines()::iterator) {
			if (line.startsWith("data:")) {
				if (!firstInEvent) {
					data.append('\n');
				}
				data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
				firstInEvent = false;
			}
			else if (line.isEmpty()) {
				firstInEvent = true;
			}
		}
		return data.toString();
	}

}
