package dev.aisecurity.tool;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import dev.aisecurity.autoconfigure.injection.PromptInjectionAutoConfiguration;
import dev.aisecurity.autoconfigure.pii.PiiAutoConfiguration;
import dev.aisecurity.autoconfigure.secrets.SecretDetectionAutoConfiguration;
import dev.aisecurity.autoconfigure.tool.ToolSecurityAutoConfiguration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool guard in Spring AI's own tool-calling loop: the real OpenAI client talks to a
 * local server that answers with a tool call first, then with a final answer once it
 * receives the tool's result.
 */
class ToolGuardOpenAiTests {

	private MockWebServer server;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private volatile String toolName;

	private volatile String toolArguments;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				String body = (request.getBody() != null) ? request.getBody().utf8() : "";
				ToolGuardOpenAiTests.this.bodies.add(body);
				String message = body.contains("\"role\":\"tool\"") ? "{\"role\":\"assistant\",\"content\":\"Done.\"}"
						: "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
								+ "\"function\":{\"name\":\"" + ToolGuardOpenAiTests.this.toolName + "\",\"arguments\":"
								+ quote(ToolGuardOpenAiTests.this.toolArguments) + "}}]}";
				String finish = body.contains("\"role\":\"tool\"") ? "stop" : "tool_calls";
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.body("{\"id\":\"chatcmpl-tool\",\"object\":\"chat.completion\",\"created\":1700000000,"
							+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":" + message
							+ ",\"finish_reason\":\"" + finish + "\"}],"
							+ "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}")
					.build();
			}

		});
		this.server.start(0);
	}

	@AfterEach
	void stop() {
		this.server.close();
		SecurityContextHolder.clearContext();
	}

	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OpenAiChatAutoConfiguration.class,
					ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class,
					PromptInjectionAutoConfiguration.class, SecretDetectionAutoConfiguration.class,
					PiiAutoConfiguration.class, ToolSecurityAutoConfiguration.class))
			.withPropertyValues("spring.ai.openai.base-url=" + this.server.url("/v1"), "spring.ai.openai.api-key=test",
					"spring.ai.openai.chat.options.model=gpt-4o-mini", "spring.ai.retry.max-attempts=1")
			.withBean(FileTools.class)
			.withBean(Events.class);
	}

	/** The content of the tool message the client sent back to the model. */
	private String toolMessage() {
		String last = this.bodies.get(this.bodies.size() - 1);
		List<String> contents = JsonPath.read(last, "$.messages[?(@.role == 'tool')].content");
		return contents.get(0);
	}

	@Test
	void pathTraversalFromTheModelNeverReachesTheTool() {
		this.toolName = "readFile";
		this.toolArguments = "{\"path\":\"../../../etc/passwd\"}";
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GuardedToolCallingManager.class);
			FileTools tools = context.getBean(FileTools.class);
			String answer = context.getBean(ChatClient.Builder.class)
				.build()
				.prompt()
				.user("Show me the file")
				.tools(tools)
				.call()
				.content();
			assertThat(answer).isEqualTo("Done.");
			assertThat(tools.reads).hasValue(0);
			assertThat(toolMessage()).contains(ToolGuard.ARGUMENTS_REJECTED).contains("PATH_TRAVERSAL");
			assertThat(context.getBean(Events.class).events).singleElement()
				.satisfies((event) -> assertThat(event.outcome())
					.isEqualTo(ToolCallAuditEvent.Outcome.ARGUMENTS_REJECTED));
		});
	}

	@Test
	void toolResultsReachTheModelWithoutPersonalData() {
		this.toolName = "readFile";
		this.toolArguments = "{\"path\":\"faq/refunds.md\"}";
		runner().run((context) -> {
			FileTools tools = context.getBean(FileTools.class);
			context.getBean(ChatClient.Builder.class).build().prompt().user("Refunds?").tools(tools).call().content();
			assertThat(tools.reads).hasValue(1);
			assertThat(toolMessage()).contains("Refunds take 14 days").doesNotContain("jane.doe@example.com");
		});
	}

	@Test
	void annotatedToolNeedsMfa() {
		this.toolName = "wipeMailbox";
		this.toolArguments = "{\"user\":\"bob\"}";
		runner().run((context) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null,
						List.of(new SimpleGrantedAuthority("ROLE_ADMIN"),
								FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))));
			FileTools tools = context.getBean(FileTools.class);
			context.getBean(ChatClient.Builder.class).build().prompt().user("Wipe it").tools(tools).call().content();
			assertThat(tools.wipes).hasValue(0);
			assertThat(toolMessage()).contains(ToolGuard.CALL_DENIED).contains(ToolAuthorizer.MFA_REQUIRED);
			assertThat(context.getBean(Events.class).events).singleElement().satisfies((event) -> {
				assertThat(event.outcome()).isEqualTo(ToolCallAuditEvent.Outcome.DENIED);
				assertThat(event.principal()).isEqualTo("alice");
			});
		});
	}

	@Test
	void backsOffWhenDisabled() {
		runner().withPropertyValues("ai.security.tools.enabled=false")
			.run((context) -> assertThat(context.getBean(ToolCallingManager.class))
				.isNotInstanceOf(GuardedToolCallingManager.class));
	}

	static class FileTools {

		final AtomicInteger reads = new AtomicInteger();

		final AtomicInteger wipes = new AtomicInteger();

		@Tool(description = "Read a file of the knowledge base")
		String readFile(String path) {
			this.reads.incrementAndGet();
			return "Refunds take 14 days. Questions: jane.doe@example.com";
		}

		@Tool(description = "Delete every message of a user's mailbox")
		@AiToolGuard(roles = "ADMIN", mfa = true)
		String wipeMailbox(String user) {
			this.wipes.incrementAndGet();
			return "wiped";
		}

	}

	static class Events {

		final List<ToolCallAuditEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ToolCallAuditEvent event) {
			this.events.add(event);
		}

	}

}
