package dev.aisecurity.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PiiSectionTests {

	@TempDir
	Path data;

	@Test
	@SuppressWarnings("unchecked")
	void scoresOnlyAnnotatedTypesAndListsUnsupportedOnes() throws IOException {
		Files.writeString(this.data.resolve("pii.jsonl"), String.join("\n",
				// found: tp
				"{\"text\": \"mail a.b@example.com\", \"entities\": [{\"type\": \"EMAIL_ADDRESS\", \"start\": 5, "
						+ "\"end\": 20}], \"annotated_types\": [\"EMAIL_ADDRESS\"], \"source\": \"t\"}",
				// expected but invalid: fn
				"{\"text\": \"card 4111 1111 1111 1112\", \"entities\": [{\"type\": \"CREDIT_CARD\", \"start\": 5, "
						+ "\"end\": 24}], \"annotated_types\": [\"CREDIT_CARD\"], \"source\": \"t\"}",
				// negative row with a valid card: fp
				"{\"text\": \"4111111111111111\", \"entities\": [], \"annotated_types\": [\"CREDIT_CARD\"], "
						+ "\"source\": \"t\"}",
				// e-mail not annotated in this row: ignored; unsupported type listed
				"{\"text\": \"x@example.com\", \"entities\": [{\"type\": \"ZZ_THING\", \"start\": 0, \"end\": 1}], "
						+ "\"annotated_types\": [\"ZZ_THING\"], \"source\": \"t\"}",
				"not json"), StandardCharsets.UTF_8);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		Map<String, Object> report = Evaluate.run(this.data, List.of(new PiiSection()),
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		Map<String, Object> pii = (Map<String, Object>) report.get("pii");
		Map<String, Map<String, Object>> byType = (Map<String, Map<String, Object>>) pii.get("by_type");
		assertThat(byType.get("EMAIL_ADDRESS")).containsEntry("tp", 1).containsEntry("fp", 0).containsEntry("fn", 0);
		assertThat(byType.get("CREDIT_CARD")).containsEntry("tp", 0)
			.containsEntry("fp", 1)
			.containsEntry("fn", 1)
			.containsEntry("precision", 0.0);
		Map<String, Object> micro = (Map<String, Object>) pii.get("micro");
		assertThat(micro).containsEntry("precision", 0.5).containsEntry("recall", 0.5).containsEntry("f2", 0.5);
		assertThat((List<String>) pii.get("unsupported_types")).containsExactly("ZZ_THING");
		// the unsupported entity counts as missed over all entities
		assertThat((Map<String, Object>) pii.get("all_entities")).containsEntry("tp", 1)
			.containsEntry("fn", 2)
			.containsEntry("recall", 0.3333);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("EMAIL_ADDRESS").doesNotContain("a.b@example");
	}

}
