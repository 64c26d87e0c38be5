package dev.aisecurity.autoconfigure.ai;

import java.util.List;
import java.util.function.Function;

import dev.aisecurity.ai.GuardedChatModelPostProcessor;
import dev.aisecurity.ai.InputGuardAdvisor;
import dev.aisecurity.ai.PromptGuard;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityProperties;
import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.TextHasher;
import dev.aisecurity.guard.text.SizeScanner;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The input guard on Spring AI: an {@link InputGuardAdvisor} added to every ChatClient
 * built from the auto-configured {@code ChatClient.Builder} (through a
 * {@link ChatClientBuilderCustomizer}), and a {@code GuardedChatModel} decorator around
 * every {@link ChatModel} bean for clients that skip customizers. Off with
 * {@code ai.security.input.enabled=false}; the decorator alone off with
 * {@code ai.security.input.guard-chat-models=false}.
 */
@AutoConfiguration(after = AiSecurityAutoConfiguration.class)
@ConditionalOnClass({ ChatClient.class, ChatModel.class })
@ConditionalOnBooleanProperty(name = "ai.security.input.enabled", matchIfMissing = true)
public class AiSecurityChatClientAutoConfiguration {

	/** Bean name of the customizer that adds the input guard to every ChatClient. */
	public static final String CUSTOMIZER = "aiSecurityInputGuardCustomizer";

	@Bean
	@ConditionalOnMissingBean
	PromptGuard aiSecurityPromptGuard(@Qualifier(AiSecurityAutoConfiguration.INPUT_PIPELINE) GuardPipeline pipeline,
			AiSecurityProperties properties, TextHasher textHasher) {
		AiSecurityProperties.Input input = properties.getInput();
		return PromptGuard.builder(pipeline)
			.promptCheck(wholePromptSizeCheck(pipeline, input))
			.scanSystemMessages(input.isScanSystemMessages())
			.refusalMessage(
					(input.getOnBlock() == AiSecurityProperties.OnBlock.REFUSAL) ? input.getRefusalMessage() : null)
			.textHasher(textHasher)
			.build();
	}

	/**
	 * The size scanner's whole-prompt limits, when the size scanner runs and blocks.
	 */
	private static Function<List<String>, List<Finding>> wholePromptSizeCheck(GuardPipeline pipeline,
			AiSecurityProperties.Input input) {
		for (Scanner scanner : pipeline.scanners()) {
			if (scanner instanceof SizeScanner size) {
				AiSecurityProperties.Scanner override = input.getScanners().get(size.id());
				ScannerPolicy policy = size.defaultPolicy(Direction.INPUT);
				if (override != null) {
					policy = override.applyTo(policy);
				}
				if (policy.action() != Action.BLOCK) {
					return null;
				}
				return (texts) -> size.checkPrompt(texts)
					.stream()
					.filter((finding) -> SizeScanner.PROMPT_TOO_LONG.equals(finding.code()))
					.toList();
			}
		}
		return null;
	}

	@Bean
	@ConditionalOnMissingBean
	InputGuardAdvisor aiSecurityInputGuardAdvisor(PromptGuard promptGuard,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		return InputGuardAdvisor.builder(promptGuard)
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.build();
	}

	@Bean(name = CUSTOMIZER)
	@ConditionalOnMissingBean(name = CUSTOMIZER)
	ChatClientBuilderCustomizer aiSecurityInputGuardCustomizer(InputGuardAdvisor advisor) {
		return (builder) -> builder.defaultAdvisors(advisor);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "ai.security.input.guard-chat-models", matchIfMissing = true)
	static GuardedChatModelPostProcessor aiSecurityGuardedChatModelPostProcessor(
			ObjectProvider<PromptGuard> promptGuard) {
		return new GuardedChatModelPostProcessor(promptGuard);
	}

}
