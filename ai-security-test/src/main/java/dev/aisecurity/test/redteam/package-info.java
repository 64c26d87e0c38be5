/**
 * Red-team test kit: pen-test your own AI endpoints from JUnit 5.
 * <p>
 * An {@link dev.aisecurity.test.redteam.AttackCorpus} (versioned, written for this
 * project, with generated variants and the user's own markers and attacks) is sent by a
 * {@link dev.aisecurity.test.redteam.RedTeam} to an
 * {@link dev.aisecurity.test.redteam.AttackTarget} (HTTP, MockMvc, WebTestClient,
 * ChatClient or a function); the {@link dev.aisecurity.test.redteam.Judge} classifies
 * every answer as blocked, neutralised or leaked, and a
 * {@link dev.aisecurity.test.redteam.RedTeamReport} collects the results as dynamic tests
 * and JSON/HTML files. {@link dev.aisecurity.test.redteam.AiRedTeam} registers the
 * {@link dev.aisecurity.test.redteam.RedTeamExtension}.
 * <p>
 * The corpus, judge, report and HTTP target use only the JDK and JUnit's API; the Spring
 * targets need the (optional) Spring test, WebFlux and Spring AI classes.
 */
package dev.aisecurity.test.redteam;
