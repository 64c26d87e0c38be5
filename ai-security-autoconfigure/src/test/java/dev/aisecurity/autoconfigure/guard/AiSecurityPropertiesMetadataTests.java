package dev.aisecurity.autoconfigure.guard;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration processor describes every property of {@link AiSecurityProperties}
 * for IDEs, with its default where it has one.
 */
class AiSecurityPropertiesMetadataTests {

	@Test
	void everyPropertyHasADescriptionAndTheDefaultsAreRecorded() throws Exception {
		String json;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[?(@.sourceType =~ /"
				+ AiSecurityProperties.class.getName().replace(".", "\\.") + ".*/)]");
		assertThat(properties).extracting((p) -> p.get("name"))
			.contains("ai.security.mode", "ai.security.hash-key", "ai.security.input.enabled",
					"ai.security.input.scan-system-messages", "ai.security.input.on-block",
					"ai.security.input.refusal-message", "ai.security.input.guard-chat-models",
					"ai.security.input.scanners", "ai.security.output.enabled", "ai.security.output.scanners");
		for (Map<String, Object> property : properties) {
			assertThat((String) property.get("description")).as("description of %s", property.get("name")).isNotBlank();
		}
		Map<String, Object> byName = new java.util.HashMap<>();
		properties.forEach((p) -> byName.put((String) p.get("name"), p.get("defaultValue")));
		assertThat(byName).containsEntry("ai.security.mode", "enforce")
			.containsEntry("ai.security.input.enabled", true)
			.containsEntry("ai.security.input.scan-system-messages", false)
			.containsEntry("ai.security.input.on-block", "exception")
			.containsEntry("ai.security.input.guard-chat-models", true);
	}

}
