package dev.aisecurity.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code docs/configuration-reference.md} from the configuration metadata that the
 * Spring Boot configuration processor generates from the properties classes
 * ({@code META-INF/spring-configuration-metadata.json}, merged with
 * {@code additional-spring-configuration-metadata.json}): one table per property group,
 * every {@code ai.security.*} property with its type, default and description. Run by
 * {@link ConfigurationReferenceTests}, which fails when the committed page differs.
 */
final class ConfigurationReferenceGenerator {

	static final String PREFIX = "ai.security";

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Render the reference.
	 * @param metadataJson the content of {@code spring-configuration-metadata.json}
	 * @param regenerateCommand the command that regenerates the page, quoted in its
	 * header
	 * @return the Markdown page
	 */
	String generate(String metadataJson, String regenerateCommand) {
		JsonNode root = this.mapper.readTree(metadataJson);
		List<String> groups = new ArrayList<>();
		for (JsonNode group : root.path("groups")) {
			String name = group.path("name").asString();
			if (isOurs(name) && !groups.contains(name)) {
				groups.add(name);
			}
		}
		if (!groups.contains(PREFIX)) {
			groups.add(PREFIX);
		}
		// longest first, so that a property lands in its most specific group
		groups.sort(Comparator.comparingInt(String::length).reversed());
		Map<String, Map<String, JsonNode>> sections = new TreeMap<>();
		int count = 0;
		for (JsonNode property : root.path("properties")) {
			String name = property.path("name").asString();
			if (!name.startsWith(PREFIX + ".")) {
				continue;
			}
			String group = groups.stream()
				.filter((candidate) -> name.startsWith(candidate + "."))
				.findFirst()
				.orElse(PREFIX);
			if (sections.computeIfAbsent(group, (key) -> new TreeMap<>()).putIfAbsent(name, property) == null) {
				count++;
			}
		}
		StringBuilder page = new StringBuilder();
		page.append("# Configuration reference\n\n")
			.append("<!-- Generated from the configuration metadata by ConfigurationReferenceGenerator: do not edit.\n")
			.append("     Regenerate: ")
			.append(regenerateCommand)
			.append(" -->\n\n")
			.append("Every `ai.security.*` property of the starter (")
			.append(count)
			.append(" properties in ")
			.append(sections.size())
			.append(" groups), generated from the `META-INF/spring-configuration-metadata.json` that the ")
			.append("configuration processor writes from the properties classes' javadoc and field initialisers, ")
			.append("so it cannot drift from the code. A build test fails when this page is stale; regenerate it with\n\n")
			.append("```\n")
			.append(regenerateCommand)
			.append("\n```\n\n")
			.append("Topic guides: [configuration overview](configuration.md), [endpoint security](security.md), ")
			.append("[monitoring](monitoring.md), [Vault](vault.md), [model integrity](model-integrity.md), ")
			.append("[dashboard](dashboard.md). A `Map` property takes keys after its name ")
			.append("(for example `ai.security.input.scanners.<id>.threshold`).\n\n")
			.append("Groups: ");
		List<String> links = new ArrayList<>();
		for (String group : sections.keySet()) {
			links.add("[`" + group + "`](#" + anchor(group) + ")");
		}
		page.append(String.join(", ", links)).append("\n");
		sections.forEach((group, properties) -> {
			page.append("\n## ").append(group).append("\n\n");
			page.append("| Property | Type | Default | Description |\n| --- | --- | --- | --- |\n");
			properties.forEach((name, property) -> page.append("| `")
				.append(name)
				.append("` | ")
				.append(cell(type(property.path("type").asString(""))))
				.append(" | ")
				.append(defaultValue(property.get("defaultValue")))
				.append(" | ")
				.append(description(property))
				.append(" |\n"));
		});
		return page.toString();
	}

	private static boolean isOurs(String name) {
		return name.equals(PREFIX) || name.startsWith(PREFIX + ".");
	}

	/**
	 * GitHub's heading anchors: lower case, dots and other punctuation dropped.
	 */
	static String anchor(String heading) {
		StringBuilder anchor = new StringBuilder();
		for (char c : heading.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
				anchor.append(c);
			}
			else if (c == ' ') {
				anchor.append('-');
			}
		}
		return anchor.toString();
	}

	/**
	 * A Java type without package names: {@code java.util.List<java.lang.String>} becomes
	 * {@code List<String>}.
	 */
	static String type(String javaType) {
		StringBuilder simple = new StringBuilder();
		int start = 0;
		for (int i = 0; i <= javaType.length(); i++) {
			char c = (i < javaType.length()) ? javaType.charAt(i) : ',';
			if (c == '<' || c == '>' || c == ',' || c == ' ') {
				String part = javaType.substring(start, i);
				int dot = Math.max(part.lastIndexOf('.'), part.lastIndexOf('$'));
				simple.append((dot >= 0) ? part.substring(dot + 1) : part);
				if (i < javaType.length()) {
					simple.append(c);
				}
				start = i + 1;
			}
		}
		return simple.toString().replace(",", ", ").replace(",  ", ", ");
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return items.isEmpty() ? "" : "`" + cell(String.join(", ", items)) + "`";
		}
		return "`" + cell(value.asString()) + "`";
	}

	private static String description(JsonNode property) {
		String text = javadoc(property.path("description").asString(""));
		JsonNode deprecation = property.get("deprecation");
		if (deprecation != null || property.path("deprecated").asBoolean(false)) {
			String replacement = (deprecation != null) ? deprecation.path("replacement").asString("") : "";
			text = "**Deprecated**" + (replacement.isEmpty() ? "" : " (use `" + replacement + "`)") + ". " + text;
		}
		return cell(text);
	}

	/**
	 * Javadoc inline tags as Markdown: {@code {@code x}} and {@code {@literal x}} become
	 * code, {@code {@link A#b label}} its label or target; HTML tags are dropped.
	 */
	static String javadoc(String text) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			if (text.startsWith("{@", i)) {
				int end = text.indexOf('}', i);
				int space = text.indexOf(' ', i);
				if (end > 0 && space > 0 && space < end) {
					String tag = text.substring(i + 2, space);
					String body = text.substring(space + 1, end).trim();
					if (tag.equals("code") || tag.equals("literal")) {
						out.append('`').append(body).append('`');
					}
					else {
						int label = body.indexOf(' ');
						String shown = (label > 0) ? body.substring(label + 1) : body;
						out.append('`').append(shown.replace('#', '.')).append('`');
					}
					i = end + 1;
					continue;
				}
			}
			char c = text.charAt(i);
			if (c == '<') {
				int close = text.indexOf('>', i);
				if (close > 0 && close - i < 12 && text.substring(i + 1, close).matches("/?[a-zA-Z]+")) {
					i = close + 1;
					continue;
				}
			}
			out.append(c);
			i++;
		}
		return out.toString().replaceAll("\\s+", " ").trim();
	}

	/**
	 * Text safe inside a Markdown table cell.
	 */
	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
	}

}
