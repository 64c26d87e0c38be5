package dev.aisecurity.test.redteam;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs an attack corpus against a target, judges every answer and records the results in
 * a {@link RedTeamReport}. Immutable: each method returns a new instance.
 * <p>
 * With the {@link RedTeamExtension} (or {@link AiRedTeam}), declare a {@code RedTeam}
 * parameter on a {@code @TestFactory} and return {@link #dynamicTests()}: one container
 * per attack class, one test per attack, and the report written to
 * {@code target/ai-redteam} after the class. Without it, call {@link #run()}.
 * <pre class="code">
 * &#064;TestFactory
 * Stream&lt;DynamicNode&gt; redTeam(RedTeam redTeam) {
 *     return redTeam.target(HttpTarget.baseUrl(url).path("/api/chat").header("X-API-Key", key).build())
 *         .corpus(AttackCorpus.builder().systemPrompt(prompt).canaries("ORCHID-4471").build())
 *         .extractionProbe(ExtractionProbe.burst(freeTierTarget, 8))
 *         .dynamicTests();
 * }
 * </pre>
 */
public final class RedTeam {

	private final RedTeamReport report;

	private final AttackTarget target;

	private final AttackCorpus corpus;

	private final Judge judge;

	private final ExtractionProbe probe;

	private RedTeam(RedTeamReport report, AttackTarget target, AttackCorpus corpus, Judge judge,
			ExtractionProbe probe) {
		this.report = report;
		this.target = target;
		this.corpus = corpus;
		this.judge = judge;
		this.probe = probe;
	}

	/**
	 * A red team that records into a new report (see {@link #report()}).
	 * @param name the report's name
	 * @return the red team, with the default corpus and no target yet
	 */
	public static RedTeam create(String name) {
		return create(new RedTeamReport(name));
	}

	static RedTeam create(RedTeamReport report) {
		AttackCorpus corpus = AttackCorpus.defaults();
		return new RedTeam(report, null, corpus, null, null);
	}

	/**
	 * The target to attack.
	 * @param target the target
	 * @return a new red team
	 */
	public RedTeam target(AttackTarget target) {
		return new RedTeam(this.report, Objects.requireNonNull(target, "target"), this.corpus, this.judge, this.probe);
	}

	/**
	 * The corpus (default: {@link AttackCorpus#defaults()}).
	 * @param corpus the corpus
	 * @return a new red team
	 */
	public RedTeam corpus(AttackCorpus corpus) {
		return new RedTeam(this.report, this.target, Objects.requireNonNull(corpus, "corpus"), this.judge, this.probe);
	}

	/**
	 * The judge (default: {@link Judge#of(AttackCorpus)} of the corpus).
	 * @param judge the judge
	 * @return a new red team
	 */
	public RedTeam judge(Judge judge) {
		return new RedTeam(this.report, this.target, this.corpus, Objects.requireNonNull(judge, "judge"), this.probe);
	}

	/**
	 * Add a model-extraction probe, run after the corpus.
	 * @param probe the probe
	 * @return a new red team
	 */
	public RedTeam extractionProbe(ExtractionProbe probe) {
		return new RedTeam(this.report, this.target, this.corpus, this.judge, Objects.requireNonNull(probe, "probe"));
	}

	/**
	 * The report the results go to.
	 */
	public RedTeamReport report() {
		return this.report;
	}

	/**
	 * Run every attack now.
	 * @return the report, with this run's results added
	 */
	public RedTeamReport run() {
		requireTarget();
		this.report.corpus(this.corpus);
		for (Attack attack : this.corpus.attacks()) {
			execute(attack);
		}
		if (this.probe != null) {
			executeProbe();
		}
		return this.report;
	}

	/**
	 * One dynamic container per attack class and one dynamic test per attack, run lazily
	 * by JUnit; an attack that leaks or fails fails its test, one that does not apply to
	 * the target is aborted (skipped).
	 * @return the dynamic tests
	 */
	public Stream<DynamicNode> dynamicTests() {
		requireTarget();
		this.report.corpus(this.corpus);
		List<DynamicNode> containers = new ArrayList<>();
		for (AttackClass attackClass : AttackClass.values()) {
			List<Attack> attacks = this.corpus.attacks(attackClass);
			if (attacks.isEmpty()) {
				continue;
			}
			List<DynamicTest> tests = attacks.stream()
				.map((attack) -> DynamicTest.dynamicTest(attack.id(), () -> verify(execute(attack))))
				.toList();
			containers.add(DynamicContainer.dynamicContainer(
					attackClass.id() + " (" + attacks.size() + " attacks, " + attackClass.detector() + ")",
					tests.stream()));
		}
		if (this.probe != null) {
			containers.add(DynamicContainer.dynamicContainer(
					AttackClass.MODEL_EXTRACTION.id() + " (burst of " + this.probe.size() + ")",
					Stream.of(DynamicTest.dynamicTest(AttackClass.MODEL_EXTRACTION.id() + "/burst-" + this.probe.size(),
							() -> verify(executeProbe())))));
		}
		return containers.stream();
	}

	private AttackResult execute(Attack attack) {
		Judge judge = judge();
		AttackResult result;
		if (attack.isRawBody() && !this.target.supportsRawBodies()) {
			result = new AttackResult(this.target.name(), attack.id(), attack.attackClass(), attack.technique(),
					Outcome.SKIPPED, -1, null, List.of(), List.of(), null, "The target cannot send raw HTTP bodies", 0,
					attack.preview(120));
		}
		else {
			long start = System.nanoTime();
			TargetResponse response;
			try {
				response = this.target.send(attack);
			}
			catch (Exception ex) {
				response = TargetResponse.exception(ex);
			}
			result = judge.judge(this.target.name(), attack, response, (System.nanoTime() - start) / 1_000_000);
		}
		this.report.add(result);
		return result;
	}

	private AttackResult executeProbe() {
		AttackResult result = this.probe.run(judge());
		this.report.add(result);
		return result;
	}

	private Judge judge() {
		return (this.judge != null) ? this.judge : Judge.of(this.corpus);
	}

	private void requireTarget() {
		if (this.target == null) {
			throw new IllegalStateException("No target: call target(...) first");
		}
	}

	static void verify(AttackResult result) {
		switch (result.outcome()) {
			case BLOCKED, NEUTRALISED -> {
			}
			case SKIPPED -> throw new TestAbortedException(result.detail());
			default -> throw new AssertionFailedError(RedTeamAssertions.describe(result));
		}
	}

}
