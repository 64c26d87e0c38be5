package dev.aisecurity.test.redteam;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractionProbeTests {

	private final Judge judge = Judge.of(AttackCorpus.defaults());

	@Test
	void queriesAreTemplatedButDistinct() {
		List<Attack> attacks = ExtractionProbe.burst(AttackTarget.of("t", (m) -> "ok"), 12).attacks();
		Set<String> texts = new HashSet<>();
		attacks.forEach((attack) -> texts.add(attack.text()));
		assertThat(texts).hasSize(12).allMatch((text) -> text.startsWith("Classify the sentiment of review #"));
	}

	@Test
	void extractionDetectorStopsTheBurst() {
		AtomicInteger calls = new AtomicInteger();
		AttackTarget target = (attack) -> (calls.incrementAndGet() < 4) ? TargetResponse.answer("positive 0.9")
				: TargetResponse.http(403, "application/problem+json",
						"{\"code\":\"AI_REQUEST_REFUSED\",\"reasons\":[\"MODEL_EXTRACTION_SUSPECTED\"]}");
		AttackResult result = ExtractionProbe.burst(target, 8).run(this.judge);
		assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(result.reasons()).containsExactly("MODEL_EXTRACTION_SUSPECTED");
		assertThat(result.detail()).contains("after 4 of 8");
		assertThat(calls).hasValue(4);
	}

	@Test
	void answeredBurstLeaksAndRefusedBurstDoesNot() {
		AttackResult answered = ExtractionProbe.burst(AttackTarget.of("t", (m) -> "positive 0.9"), 8).run(this.judge);
		assertThat(answered.outcome()).isEqualTo(Outcome.LEAKED);
		assertThat(answered.detector()).isEqualTo("rate-limit/extraction");
		assertThat(answered.detail()).startsWith("8 of 8");
		AttackResult refused = ExtractionProbe
			.burst((attack) -> TargetResponse.http(400, "application/problem+json", "{\"code\":\"AI_INPUT_BLOCKED\"}"),
					8)
			.run(this.judge);
		assertThat(refused.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(refused.code()).isEqualTo("ALL_REFUSED");
		AttackResult failing = ExtractionProbe.burst((attack) -> TargetResponse.http(500, "application/json", "{}"), 8)
			.run(this.judge);
		assertThat(failing.outcome()).isEqualTo(Outcome.ERROR);
	}

}
