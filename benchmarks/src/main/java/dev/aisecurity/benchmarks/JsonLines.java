package dev.aisecurity.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON Lines files: one JSON object a line; blank lines are skipped, and so are
 * malformed lines, which are counted.
 */
public final class JsonLines {

	static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private JsonLines() {
	}

	/**
	 * The objects of a file, in order.
	 */
	public static List<JsonNode> read(Path file) throws IOException {
		List<JsonNode> rows = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				try {
					JsonNode node = MAPPER.readTree(line);
					if (node != null && node.isObject()) {
						rows.add(node);
					}
				}
				catch (JacksonException ex) {
					// a malformed line is skipped: the evaluation measures the rest
				}
			}
		}
		return rows;
	}

	/**
	 * A text field of a row, or the default when absent or not text.
	 */
	public static String text(JsonNode row, String field, String defaultValue) {
		JsonNode value = row.get(field);
		return (value != null && value.isString()) ? value.asString() : defaultValue;
	}

}
