package dev.aisecurity.autoconfigure.guard;

import java.util.List;

import dev.aisecurity.ai.GuardedChatModel;
import dev.aisecurity.ai.GuardedChatModelPostProcessor;
import dev.aisecurity.ai.InputGuardAdvisor;
import dev.aisecurity.ai.LoggingVerdictListener;
import dev.aisecurity.ai.MetricsVerdictListener;
import dev.aisecurity.ai.PromptGuard;
import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardMode;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.TextHasher;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.text.SizeLimits;
import dev.aisecurity.guard.text.SizeScanner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Auto-configuration of the pipelines and of the input guard on Spring AI.
 */
class AiSecurityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AiSecurityAutoConfiguration.class, AiSecurityChatClientAutoConfiguration.class))
		.withBean("blocker", Scanner.class, AiSecurityAutoConfigurationTests::blocker);

	/** Blocks texts containing "forbidden" with score 0.7. */
	static Scanner blocker() {
		return new Scanner() {

			@Override
			public String id() {
				return "blocker";
			}

			@Override
			public List<Finding> scan(GuardText text, ScanContext context) {
				return text.normalized().contains("forbidden")
						? List.of(Finding.of(id(), "test", "FORBIDDEN_WORD", 0.7)) : List.of();
			}

		};
	}

	static ChatModel echoModel() {
		return new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				return new ChatResponse(
						List.of(new Generation(new AssistantMessage(prompt.getUserMessage().getText()))));
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				return Flux.just(call(prompt));
			}

		};
	}

	@Test
	void defaults() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean(AiSecurityAutoConfiguration.INPUT_PIPELINE)
				.hasBean(AiSecurityAutoConfiguration.OUTPUT_PIPELINE)
				.hasSingleBean(TextHasher.class)
				.hasSingleBean(LoggingVerdictListener.class)
				.hasSingleBean(PromptGuard.class)
				.hasSingleBean(InputGuardAdvisor.class)
				.hasBean(AiSecurityChatClientAutoConfiguration.CUSTOMIZER)
				.hasSingleBean(GuardedChatModelPostProcessor.class)
				.doesNotHaveBean(MetricsVerdictListener.class);
			assertThat(context.getBean(TextHasher.class).isKeyGenerated()).isTrue();
			GuardPipeline input = context.getBean(AiSecurityAutoConfiguration.INPUT_PIPELINE, GuardPipeline.class);
			GuardPipeline output = context.getBean(AiSecurityAutoConfiguration.OUTPUT_PIPELINE, GuardPipeline.class);
			assertThat(input.direction()).isEqualTo(Direction.INPUT);
			assertThat(output.direction()).isEqualTo(Direction.OUTPUT);
			assertThat(input.mode()).isEqualTo(GuardMode.ENFORCE);
			assertThat(input.scanners()).extracting(Scanner::id).containsExactly("blocker");
			assertThat(input.scan("this is forbidden").decision()).isEqualTo(Decision.BLOCK);
			assertThat(input.scan("this is fine").decision()).isEqualTo(Decision.ALLOW);
			InputGuardAdvisor advisor = context.getBean(InputGuardAdvisor.class);
			assertThat(advisor.getOrder()).isEqualTo(InputGuardAdvisor.ORDER)
				.isLessThan(
						org.springframework.ai.chat.client.advisor.api.Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER);
		});
	}

	@Test
	void scannerPolicyOverridesFromProperties() {
		this.runner.withPropertyValues("ai.security.input.scanners.blocker.threshold=0.8").run((context) -> {
			GuardPipeline input = context.getBean(AiSecurityAutoConfiguration.INPUT_PIPELINE, GuardPipeline.class);
			assertThat(input.scan("forbidden").decision()).isEqualTo(Decision.ALLOW);
		});
		this.runner.withPropertyValues("ai.security.input.scanners.blocker.action=monitor").run((context) -> {
			GuardPipeline input = context.getBean(AiSecurityAutoConfiguration.INPUT_PIPELINE, GuardPipeline.class);
			Verdict verdict = input.scan("forbidden");
			assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
			assertThat(verdict.reasonCodes()).containsExactly("FORBIDDEN_WORD");
		});
		this.runner.withPropertyValues("ai.security.input.scanners.blocker.enabled=false").run((context) -> {
			GuardPipeline input = context.getBean(AiSecurityAutoConfiguration.INPUT_PIPELINE, GuardPipeline.class);
			assertThat(input.scanners()).isEmpty();
			GuardPipeline output = context.getBean(AiSecurityAutoConfiguration.OUTPUT_PIPELINE, GuardPipeline.class);
			assertThat(output.scanners()).extracting(Scanner::id).containsExactly("blocker");
		});
		this.runner.withPropertyValues("ai.security.output.scanners.blocker.enabled=false").run((context) -> {
			GuardPipeline output = context.getBean(AiSecurityAutoConfiguration.OUTPUT_PIPELINE, GuardPipeline.class);
			assertThat(output.scanners()).isEmpty();
		});
	}

	@Test
	void monitorModeNeverBlocks() {
		this.runner.withPropertyValues("ai.security.mode=monitor")
			.withBean("model", ChatModel.class, this::model)
			.run((context) -> {
				GuardPipeline input = context.getBean(AiSecurityAutoConfiguration.INPUT_PIPELINE, GuardPipeline.class);
				Verdict verdict = input.scan("forbidden");
				assertThat(verdict.mode()).isEqualTo(GuardMode.MONITOR);
				assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
				assertThat(verdict.wouldBlock()).isTrue();
				assertThat(context.getBean(ChatModel.class).call("forbidden words")).isEqualTo("forbidden words");
			});
	}

	private ChatModel model() {
		return echoModel();
	}

	@Test
	void modelBeansAreGuarded() {
		this.runner.withBean("model", ChatModel.class, this::model).run((context) -> {
			ChatModel model = context.getBean(ChatModel.class);
			assertThat(model).isInstanceOf(GuardedChatModel.class);
			assertThat(model.call("hello")).isEqualTo("hello");
			assertThatExceptionOfType(AiGuardException.class).isThrownBy(() -> model.call("forbidden"))
				.satisfies((ex) -> assertThat(ex.getReasonCodes()).containsExactly("FORBIDDEN_WORD"));
		});
	}

	@Test
	void switchedOff() {
		this.runner.withPropertyValues("ai.security.input.enabled=false")
			.withBean("model", ChatModel.class, this::model)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InputGuardAdvisor.class)
					.doesNotHaveBean(AiSecurityChatClientAutoConfiguration.CUSTOMIZER)
					.doesNotHaveBean(GuardedChatModelPostProcessor.class)
					.hasBean(AiSecurityAutoConfiguration.INPUT_PIPELINE);
				assertThat(context.getBean(ChatModel.class).call("forbidden")).isEqualTo("forbidden");
			});
	}

	@Test
	void decoratorSwitchedOffAlone() {
		this.runner.withPropertyValues("ai.security.input.guard-chat-models=false")
			.withBean("model", ChatModel.class, this::model)
			.run((context) -> {
				assertThat(context).hasSingleBean(InputGuardAdvisor.class)
					.doesNotHaveBean(GuardedChatModelPostProcessor.class);
				assertThat(context.getBean(ChatModel.class)).isNotInstanceOf(GuardedChatModel.class);
			});
	}

	@Test
	void withoutSpringAiOnlyThePipelines() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai")).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasBean(AiSecurityAutoConfiguration.INPUT_PIPELINE)
				.doesNotHaveBean(InputGuardAdvisor.class);
		});
	}

	@Test
	void backsOffToUserBeans() {
		GuardPipeline own = GuardPipeline.builder().direction(Direction.INPUT).build();
		ChatClientBuilderCustomizer customizer = (builder) -> {
		};
		this.runner.withBean(AiSecurityAutoConfiguration.INPUT_PIPELINE, GuardPipeline.class, () -> own)
			.withBean(AiSecurityChatClientAutoConfiguration.CUSTOMIZER, ChatClientBuilderCustomizer.class,
					() -> customizer)
			.withBean("myHasher", TextHasher.class, () -> TextHasher.withKey("0123456789abcdef-own"))
			.run((context) -> {
				assertThat(context.getBean(AiSecurityAutoConfiguration.INPUT_PIPELINE)).isSameAs(own);
				assertThat(context.getBean(AiSecurityChatClientAutoConfiguration.CUSTOMIZER)).isSameAs(customizer);
				assertThat(context).hasSingleBean(TextHasher.class);
				assertThat(context.getBean(TextHasher.class).isKeyGenerated()).isFalse();
				assertThat(context.getBean(PromptGuard.class).pipeline()).isSameAs(own);
			});
		InputGuardAdvisor ownAdvisor = InputGuardAdvisor
			.builder(PromptGuard.builder(GuardPipeline.builder().build()).build())
			.order(42)
			.build();
		this.runner.withBean(InputGuardAdvisor.class, () -> ownAdvisor)
			.run((context) -> assertThat(context.getBean(InputGuardAdvisor.class)).isSameAs(ownAdvisor));
	}

	@Test
	void configuredHashKeyIsUsed() {
		this.runner.withPropertyValues("ai.security.hash-key=a-long-enough-test-key").run((context) -> {
			TextHasher hasher = context.getBean(TextHasher.class);
			assertThat(hasher.isKeyGenerated()).isFalse();
			assertThat(hasher.hash("x")).isEqualTo(TextHasher.withKey("a-long-enough-test-key").hash("x"))
				.isNotEqualTo(TextHasher.withKey("another-long-test-key").hash("x"));
		});
		this.runner.withPropertyValues("ai.security.hash-key=short").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void metricsWhenARegistryExists() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(MetricsVerdictListener.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			GuardPipeline input = context.getBean(AiSecurityAutoConfiguration.INPUT_PIPELINE, GuardPipeline.class);
			input.scan("forbidden");
			input.scan("fine");
			assertThat(registry.get(MetricsVerdictListener.VERDICTS).tag("decision", "block").counter().count())
				.isEqualTo(1.0);
			assertThat(registry.get(MetricsVerdictListener.VERDICTS).tag("decision", "allow").counter().count())
				.isEqualTo(1.0);
			assertThat(registry.get(MetricsVerdictListener.FINDINGS)
				.tags("detector", "blocker", "category", "test", "code", "FORBIDDEN_WORD", "verdict", "block",
						"direction", "input")
				.counter()
				.count()).isEqualTo(1.0);
		});
	}

	@Test
	void wholePromptSizeIsChecked() {
		this.runner.withBean("size", Scanner.class, () -> new SizeScanner(new SizeLimits(1000, 1000, 60, 1000)))
			.withBean("model", ChatModel.class, this::model)
			.run((context) -> {
				ChatModel model = context.getBean(ChatModel.class);
				String system = "You are a careful assistant with long instructions.";
				assertThat(model.call(new Prompt(new UserMessage("short"))).getResult().getOutput().getText())
					.isEqualTo("short");
				assertThatExceptionOfType(AiGuardException.class)
					.isThrownBy(() -> model.call(new Prompt(new SystemMessage(system), new UserMessage("hello there"))))
					.satisfies((ex) -> assertThat(ex.getReasonCodes()).containsExactly(SizeScanner.PROMPT_TOO_LONG));
			});
		this.runner.withBean("size", Scanner.class, () -> new SizeScanner(new SizeLimits(1000, 1000, 60, 1000)))
			.withPropertyValues("ai.security.input.scanners.size.action=monitor")
			.withBean("model", ChatModel.class, this::model)
			.run((context) -> assertThat(context.getBean(ChatModel.class)
				.call(new Prompt(new SystemMessage("x".repeat(70)), new UserMessage("hello")))
				.getResult()
				.getOutput()
				.getText()).isEqualTo("hello"));
	}

}
