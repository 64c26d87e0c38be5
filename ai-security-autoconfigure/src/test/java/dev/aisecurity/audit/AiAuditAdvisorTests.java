package dev.aisecurity.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.autoconfigure.audit.AiAuditAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.autoconfigure.text.TextGuardAutoConfiguration;
import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.TextHasher;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit advisor on a ChatClient built by Spring AI's auto-configuration, in front of
 * the real OpenAI client talking to a local server speaking the chat-completions API.
 */
@ExtendWith(OutputCaptureExtension.class)
class AiAuditAdvisorTests {

	private static final String REPLY = "Reply marker ZEBRA-5521-reply";

	private static final String PROMPT = "Question marker QUOKKA-9038-prompt, what is two plus two?";

	private MockWebServer server;

	private final List<AiAuditRecord> records = new CopyOnWriteArrayList<>();

	private final List<AuditApplicationEvent> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				String body = (request.getBody() != null) ? request.getBody().utf8() : "";
				if (body.contains("\"stream\":true")) {
					return new MockResponse.Builder().code(200)
						.addHeader("Content-Type", "text/event-stream")
						.body(OpenAiResponses.sse(REPLY))
						.build();
				}
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.body(OpenAiResponses.completion(REPLY))
					.build();
			}

		});
		this.server.start(0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	private void run(Consumer<AssertableApplicationContext> test, String... properties) {
		run(new ApplicationContextRunner(), test, properties);
	}

	private void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test,
			String... properties) {
		runner
			.withConfiguration(AutoConfigurations.of(OpenAiChatAutoConfiguration.class,
					ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class,
					TextGuardAutoConfiguration.class, AiSecurityAutoConfiguration.class,
					AiSecurityChatClientAutoConfiguration.class, AiAuditAutoConfiguration.class))
			.withPropertyValues("spring.ai.openai.base-url=" + this.server.url("/v1"), "spring.ai.openai.api-key=test",
					"spring.ai.openai.chat.options.model=gpt-4o-mini", "spring.ai.retry.max-attempts=1",
					"ai.security.hash-key=audit-test-key-0123456789")
			.withPropertyValues(properties)
			.withBean("blockingScanner", Scanner.class, AiAuditAdvisorTests::blocker)
			.withBean("capturingSink", AiAuditSink.class, () -> this.records::add)
			.withBean("auditEvents", ApplicationListener.class,
					() -> (ApplicationListener<AuditApplicationEvent>) this.events::add)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

	static Scanner blocker() {
		return new Scanner() {

			@Override
			public String id() {
				return "test-blocker";
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				return text.normalized().contains("forbidden phrase")
						? List.of(Finding.of(id(), "prompt-injection", "TEST_FORBIDDEN", 0.9)) : List.of();
			}

		};
	}

	private static ChatClient client(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).defaultSystem("You are a test assistant.").build();
	}

	@Test
	void callIsAuditedWithMetadataOnly(CapturedOutput output) {
		run((context) -> {
			assertThat(client(context).prompt().user(PROMPT).call().content()).isEqualTo(REPLY);
			assertThat(this.records).hasSize(1);
			AiAuditRecord record = this.records.get(0);
			TextHasher hasher = context.getBean(TextHasher.class);
			assertThat(record.mode()).isEqualTo("call");
			assertThat(record.outcome()).isEqualTo(AuditOutcome.ALLOWED);
			assertThat(record.model()).isEqualTo("gpt-4o-mini");
			assertThat(record.promptTokens()).isEqualTo(5);
			assertThat(record.completionTokens()).isEqualTo(7);
			assertThat(record.totalTokens()).isEqualTo(12);
			assertThat(record.principal()).isEqualTo("anonymous");
			assertThat(record.endpoint()).isEqualTo("advisor:call");
			assertThat(record.outputChars()).isEqualTo(REPLY.length());
			assertThat(record.inputChars()).isEqualTo(PROMPT.length() + "You are a test assistant.".length());
			assertThat(record.inputHash()).isEqualTo(hasher.hash(PROMPT + "\n"));
			assertThat(record.outputHash()).isEqualTo(hasher.hash(REPLY));
			assertThat(record.verdicts()).extracting(AuditVerdict::direction).contains("input");
			assertThat(record.totalNanos()).isPositive();
			assertThat(record.requestId()).hasSize(36);
			assertNoText(record, output);
			assertThat(output).contains("\"requestId\":\"" + record.requestId() + "\"");
			assertThat(this.events).hasSize(1);
			assertThat(this.events.get(0).getAuditEvent().getType()).isEqualTo(AiAuditRecord.AUDIT_TYPE);
			assertThat(this.events.get(0).getAuditEvent().getData()).containsEntry("requestId", record.requestId());
		});
	}

	@Test
	void blockedCallIsAuditedAndTheExceptionRethrown(CapturedOutput output) {
		run((context) -> {
			assertThatExceptionOfType(AiGuardException.class)
				.isThrownBy(() -> client(context).prompt().user(PROMPT + " forbidden phrase").call().content());
			assertThat(this.server.getRequestCount()).isZero();
			assertThat(this.records).hasSize(1);
			AiAuditRecord record = this.records.get(0);
			assertThat(record.outcome()).isEqualTo(AuditOutcome.BLOCKED);
			assertThat(record.reasons()).contains("TEST_FORBIDDEN");
			assertThat(record.verdicts()).singleElement().satisfies((verdict) -> {
				assertThat(verdict.decision()).isEqualTo("block");
				assertThat(verdict.findings()).extracting(AuditFinding::detector).contains("test-blocker");
			});
			assertThat(record.outputHash()).isNull();
			assertNoText(record, output);
		});
	}

	@Test
	void streamIsAuditedWhenItCompletes(CapturedOutput output) {
		run((context) -> {
			String reply = String.join("",
					client(context).prompt().user(PROMPT).stream().content().collectList().block());
			assertThat(reply).isEqualTo(REPLY);
			assertThat(this.records).hasSize(1);
			AiAuditRecord record = this.records.get(0);
			assertThat(record.mode()).isEqualTo("stream");
			assertThat(record.outcome()).isEqualTo(AuditOutcome.ALLOWED);
			assertThat(record.outputChars()).isEqualTo(REPLY.length());
			assertThat(record.outputHash()).isEqualTo(context.getBean(TextHasher.class).hash(REPLY));
			assertThat(record.verdicts()).extracting(AuditVerdict::direction).contains("input");
			// token usage of the last chunk, as the server reported it
			assertThat(record.completionTokens()).isEqualTo(7);
			assertThat(record.totalTokens()).isEqualTo(12);
			assertThat(record.error()).isNull();
			assertNoText(record, output);
		});
	}

	@Test
	void cancelledStreamIsAuditedWithWhatWasStreamed(CapturedOutput output) {
		run((context) -> {
			List<String> firstChunks = client(context).prompt()
				.user(PROMPT)
				.stream()
				.content()
				.take(2)
				.collectList()
				.block();
			assertThat(firstChunks).hasSize(2);
			assertThat(this.records).hasSize(1);
			AiAuditRecord record = this.records.get(0);
			assertThat(record.mode()).isEqualTo("stream");
			assertThat(record.error()).isEqualTo(AiAuditAdvisor.CANCELLED);
			assertThat(record.outputChars()).isPositive().isLessThan(REPLY.length());
			assertNoText(record, output);
		});
	}

	@Test
	void jdbcStoreReceivesRecordsWhenEnabled() {
		new JdbcAuditStoreTests().dataSource(); // skips with a message without PostgreSQL
		String principalFree = "advisor:call";
		Instant start = Instant.now().minusSeconds(1);
		run(new ApplicationContextRunner().withBean(javax.sql.DataSource.class,
				() -> new DriverManagerDataSource(JdbcAuditStoreTests.URL, "postgres", "")), (context) -> {
					assertThat(context).hasSingleBean(JdbcAuditStore.class).hasSingleBean(AuditRetentionPurger.class);
					client(context).prompt().user(PROMPT).call().content();
					String requestId = this.records.get(0).requestId();
					Integer stored = new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForObject(
							"SELECT count(*) FROM ai_audit_record WHERE request_id = ? AND occurred_at >= ?",
							Integer.class, requestId, java.sql.Timestamp.from(start));
					assertThat(stored).isEqualTo(1);
					assertThat(context.getBean(JdbcAuditStore.class)
						.findByPrincipal("anonymous", start, Instant.now().plusSeconds(1), 1000))
						.anySatisfy((record) -> assertThat(record.endpoint()).isEqualTo(principalFree));
				}, "ai.security.audit.jdbc.enabled=true");
	}

	@Test
	void enumeratingPrincipalIsBlockedAndAudited() {
		run((context) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken("scraper", "n/a", "ROLE_USER"));
			try {
				ChatClient client = client(context);
				int blockedAt = -1;
				for (int i = 0; i < 200 && blockedAt < 0; i++) {
					try {
						client.prompt()
							.user("Translate into French: catalogue item number " + i + " please")
							.call()
							.content();
					}
					catch (AiGuardException ex) {
						assertThat(ex.getReasonCodes()).containsExactly(ExtractionGuardAdvisor.CODE);
						blockedAt = i;
					}
				}
				// not before the minimum of 20 requests (index 19)
				assertThat(blockedAt).isBetween(19, 199);
				AiAuditRecord last = this.records.get(this.records.size() - 1);
				assertThat(last.outcome()).isEqualTo(AuditOutcome.BLOCKED);
				assertThat(last.principal()).isEqualTo("scraper");
				assertThat(last.reasons()).containsExactly(ExtractionGuardAdvisor.CODE);
				assertThat(this.events).extracting((event) -> event.getAuditEvent().getType())
					.contains(ModelExtractionEvent.AUDIT_TYPE);
				// another principal is unaffected
				SecurityContextHolder.getContext()
					.setAuthentication(new TestingAuthenticationToken("reader", "n/a", "ROLE_USER"));
				assertThat(client.prompt().user(PROMPT).call().content()).isEqualTo(REPLY);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		});
	}

	@Test
	void disabled() {
		run((context) -> {
			assertThat(context).doesNotHaveBean(AiAuditAdvisor.class);
			client(context).prompt().user(PROMPT).call().content();
			assertThat(this.records).isEmpty();
		}, "ai.security.audit.enabled=false");
	}

	@Test
	void auditAdvisorIsOutermost() {
		run((context) -> assertThat(context.getBean(AiAuditAdvisor.class).getOrder())
			.isLessThan(dev.aisecurity.ai.InputGuardAdvisor.ORDER));
	}

	private static void assertNoText(AiAuditRecord record, CapturedOutput output) {
		String json = record.toJson();
		assertThat(json).doesNotContain("QUOKKA").doesNotContain("ZEBRA").doesNotContain("forbidden");
		assertThat(record.toString()).doesNotContain("QUOKKA").doesNotContain("ZEBRA");
		assertThat(output.getAll()).contains("\"outcome\"").doesNotContain("QUOKKA").doesNotContain("ZEBRA");
	}

}
