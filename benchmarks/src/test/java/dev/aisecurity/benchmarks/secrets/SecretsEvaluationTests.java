package dev.aisecurity.benchmarks.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.secrets.SecretScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsEvaluationTests {

	@TempDir
	Path data;

	@Test
	@SuppressWarnings("unchecked")
	void computesRates() throws IOException {
		String key = "AKIA" + "QX7RZ2M4NB5TW3K6";
		Files.writeString(this.data.resolve("secrets.jsonl"),
				String.join("\n", "{\"text\": \"aws " + key + "\", \"secret_type\": \"aws\", \"source\": \"t\"}",
						"{\"text\": \"nothing here\", \"secret_type\": \"aws\", \"source\": \"t\"}",
						"{\"text\": \"hello\", \"secret_type\": null, \"source\": \"t\", \"negative_for\": [\"aws\"]}",
						"{\"text\": \"" + key + "\", \"secret_type\": null, \"source\": \"t\"}",
						"{\"text\": \"fine\", \"secret_type\": null, \"source\": \"t\"}",
						"{\"text\": \"fine too\", \"secret_type\": null, \"source\": \"t\"}"),
				StandardCharsets.UTF_8);
		GuardPipeline pipeline = GuardPipeline.builder()
			.direction(Direction.OUTPUT)
			.scanner(new SecretScanner())
			.build();
		Map<String, Object> results = new SecretsEvaluation(pipeline).evaluate(this.data.resolve("secrets.jsonl"));
		assertThat(results).containsEntry("rows", 6).containsEntry("tpr", 0.5).containsEntry("fpr", 0.25);
		Map<String, Object> aws = (Map<String, Object>) ((Map<String, Object>) results.get("by_type")).get("aws");
		assertThat(aws).containsEntry("rows", 2L).containsEntry("flagged_rate", 0.5);
	}

}
