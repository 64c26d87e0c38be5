package dev.aisecurity.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration-reference.md} generated from the configuration
 * metadata: fails when the committed page differs from what the current properties
 * classes generate, and rewrites it when run with
 * {@code -Dai.security.docs.regenerate=true}. It lives in {@code benchmarks} because that
 * module has every project module with properties (the auto-configuration and the ONNX
 * classifier) on its class path.
 */
class ConfigurationReferenceTests {

	/** The single command that regenerates the page, from the repository root. */
	static final String REGENERATE = "./mvnw -B -q -pl benchmarks -am test "
			+ "-Dtest=ConfigurationReferenceTests -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dai.security.docs.regenerate=true";

	private static final Path REFERENCE = Path.of("..", "docs", "configuration-reference.md");

	private final ConfigurationReferenceGenerator generator = new ConfigurationReferenceGenerator();

	/**
	 * The {@code ai.security.*} groups and properties of every configuration metadata
	 * file on the class path, merged into one metadata document.
	 */
	static String projectMetadata() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		ObjectNode merged = mapper.createObjectNode();
		ArrayNode groups = merged.putArray("groups");
		ArrayNode properties = merged.putArray("properties");
		Enumeration<URL> resources = ConfigurationReferenceTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				JsonNode root = mapper.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				addOwn(root.path("groups"), groups);
				addOwn(root.path("properties"), properties);
			}
		}
		return mapper.writeValueAsString(merged);
	}

	private static void addOwn(JsonNode entries, ArrayNode target) {
		for (JsonNode entry : entries) {
			String name = entry.path("name").asString();
			if (name.equals("ai.security") || name.startsWith("ai.security.")) {
				target.add(entry);
			}
		}
	}

	@Test
	void referenceCoversEveryModuleWithProperties() throws IOException {
		String metadata = projectMetadata();
		assertThat(metadata).contains("\"ai.security.mode\"")
			.contains("\"ai.security.detectors.prompt-injection.onnx.enabled\"");
	}

	@Test
	void referenceIsGeneratedFromTheCurrentMetadata() throws IOException {
		String generated = this.generator.generate(projectMetadata(), REGENERATE);
		if (Boolean.getBoolean("ai.security.docs.regenerate")) {
			Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
		}
		assertThat(REFERENCE)
			.as("docs/configuration-reference.md is stale (a property, default or description "
					+ "changed): regenerate it from the repository root with%n  %s%nand commit the result", REGENERATE)
			.exists();
		assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
			.as("docs/configuration-reference.md is stale (a property, default or description changed): "
					+ "regenerate it from the repository root with%n  %s%nand commit the result", REGENERATE)
			.isEqualTo(generated);
	}

	@Test
	void everyPropertyIsDocumented() throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(projectMetadata());
		List<String> undocumented = new ArrayList<>();
		int count = 0;
		for (JsonNode property : root.path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("ai.security.")) {
				count++;
				if (property.path("description").asString("").isBlank()) {
					undocumented.add(name);
				}
			}
		}
		assertThat(count).isGreaterThan(100);
		assertThat(undocumented).as("properties without javadoc on their field (no description in the metadata)")
			.isEmpty();
	}

	@Test
	void generatorGroupsPropertiesAndRendersJavadocSafely() {
		String metadata = """
				{"groups": [{"name": "ai.security"}, {"name": "ai.security.demo"}, {"name": "spring.other"}],
				 "properties": [
				  {"name": "ai.security.mode", "type": "dev.x.GuardMode", "defaultValue": "enforce",
				   "description": "Either {@code enforce} or {@link dev.x.GuardMode#MONITOR monitor}."},
				  {"name": "ai.security.demo.names", "type": "java.util.List<java.lang.String>",
				   "defaultValue": ["a", "b"], "description": "A <em>list</em> with a | pipe\\nand a line break."},
				  {"name": "ai.security.demo.limits", "type": "java.util.Map<java.lang.String,dev.x.Outer$Limit>"},
				  {"name": "ai.security.demo.old", "type": "java.lang.Integer", "deprecated": true,
				   "deprecation": {"replacement": "ai.security.demo.new"}, "description": "Old."},
				  {"name": "spring.other.thing", "type": "java.lang.String"}
				 ]}
				""";
		String page = this.generator.generate(metadata, "REGEN");
		assertThat(page).contains("Regenerate: REGEN")
			.contains("4 properties in 2 groups")
			.contains("[`ai.security.demo`](#aisecuritydemo)")
			.contains("| `ai.security.mode` | GuardMode | `enforce` | Either `enforce` or `monitor`. |")
			.contains("| `ai.security.demo.names` | List<String> | `a, b` | A list with a \\| pipe and a line break. |")
			.contains("| `ai.security.demo.limits` | Map<String, Limit> |  |  |")
			.contains("**Deprecated** (use `ai.security.demo.new`). Old.")
			.doesNotContain("spring.other");
		assertThat(page.indexOf("## ai.security\n")).isLessThan(page.indexOf("## ai.security.demo\n"));
	}

}
