package dev.aisecurity.test.redteam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RedTeamReportTests {

	@Test
	void jsonParsesAndCountsMatchTheResults(@TempDir Path dir) throws Exception {
		RedTeamReport report = RedTeam.create("json \"quoted\" </script>")
			.target(AttackTarget.of("naive", NaiveModel::answer))
			.corpus(NaiveModel.corpus())
			.run();
		Path json = report.writeTo(dir, "r");
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json));
		assertThat(root.get("name").asString()).isEqualTo("json \"quoted\" </script>");
		assertThat(root.get("corpusVersion").asString()).isEqualTo(AttackCorpus.VERSION);
		assertThat(root.get("passed").asBoolean()).isFalse();
		JsonNode results = root.get("results");
		assertThat(results.size()).isEqualTo(report.results().size());
		int leaked = 0;
		int skipped = 0;
		for (JsonNode result : results) {
			leaked += result.get("outcome").asString().equals("LEAKED") ? 1 : 0;
			skipped += result.get("outcome").asString().equals("SKIPPED") ? 1 : 0;
		}
		assertThat(root.get("totals").get("leaked").asInt()).isEqualTo(leaked).isPositive();
		assertThat(root.get("totals").get("skipped").asInt()).isEqualTo(skipped).isPositive();
		assertThat(root.get("totals").get("attempts").asInt()).isEqualTo(results.size() - skipped);
		JsonNode invisible = root.get("classes").get("invisible-text");
		assertThat(invisible.get("attempts").asInt())
			.isEqualTo(NaiveModel.corpus().attacks(AttackClass.INVISIBLE_TEXT).size());
		// lone surrogates in previews are escaped, so the file is valid UTF-8 and JSON
		assertThat(Files.readString(json)).doesNotContain(NaiveModel.CANARY);
	}

	@Test
	void htmlEscapesEverythingItShows(@TempDir Path dir) throws Exception {
		RedTeamReport report = RedTeam.create("<b>name</b>")
			.target(AttackTarget.of("t", (message) -> "fine"))
			.corpus(AttackCorpus.builder()
				.withoutBuiltIns()
				.attacks(Attack.text("x/<script>", AttackClass.JAILBREAK, "t", "<script>alert(1)</script>"))
				.build())
			.run();
		report.writeTo(dir, "r");
		String html = Files.readString(dir.resolve("r.html"));
		assertThat(html).doesNotContain("<script>").doesNotContain("<b>name").contains("&lt;script&gt;");
		assertThat(report.summary()).containsOnlyKeys(AttackClass.JAILBREAK);
		assertThat(report.summary().get(AttackClass.JAILBREAK)).isEqualTo(new RedTeamReport.Summary(1, 0, 1, 0, 0, 0));
		assertThat(report.failures()).isEqualTo(List.of());
	}

}
