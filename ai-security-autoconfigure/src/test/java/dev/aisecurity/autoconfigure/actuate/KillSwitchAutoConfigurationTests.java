package dev.aisecurity.autoconfigure.actuate;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.aisecurity.actuate.KillSwitch;
import dev.aisecurity.actuate.KillSwitchChatModel;
import dev.aisecurity.actuate.KillSwitchEngagedException;
import dev.aisecurity.autoconfigure.ai.AiSecurityChatClientAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kill switch on ChatClient and ChatModel: while engaged the model is never called,
 * whichever path the application takes; disengaging restores service.
 */
class KillSwitchAutoConfigurationTests {

	private final AtomicInteger modelCalls = new AtomicInteger();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class,
					ChatClientAutoConfiguration.class, AiSecurityAutoConfiguration.class,
					AiSecurityChatClientAutoConfiguration.class, KillSwitchAutoConfiguration.class))
			.withBean("countingModel", ChatModel.class, () -> (ChatModel) this::answer);
	}

	private ChatResponse answer(Prompt prompt) {
		this.modelCalls.incrementAndGet();
		return new ChatResponse(List.of(new Generation(new AssistantMessage("hello"))));
	}

	@Test
	void chatClientNeverCallsTheModelWhileEngaged() {
		runner().run((context) -> {
			KillSwitch killSwitch = context.getBean(KillSwitch.class);
			assertThat(killSwitch.isEngaged()).isFalse();
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			assertThat(client.prompt().user("hi").call().content()).isEqualTo("hello");
			assertThat(this.modelCalls).hasValue(1);

			killSwitch.set(true, "test");
			assertThatExceptionOfType(KillSwitchEngagedException.class)
				.isThrownBy(() -> client.prompt().user("hi").call().content());
			assertThatExceptionOfType(KillSwitchEngagedException.class)
				.isThrownBy(() -> client.prompt().user("hi").stream().content().collectList().block());
			// a client built without the customizers reaches the model bean: refused
			// there
			ChatClient bare = ChatClient.create(context.getBean(ChatModel.class));
			assertThatExceptionOfType(KillSwitchEngagedException.class)
				.isThrownBy(() -> bare.prompt().user("hi").call().content());
			assertThat(this.modelCalls).hasValue(1);

			killSwitch.set(false, "test");
			assertThat(client.prompt().user("hi").call().content()).isEqualTo("hello");
			assertThat(bare.prompt().user("hi").call().content()).isEqualTo("hello");
			assertThat(this.modelCalls).hasValue(3);
		});
	}

	@Test
	void propertyEngagesAtStartUpAndModelBeansAreWrapped() {
		runner().withPropertyValues("ai.security.kill-switch=true").run((context) -> {
			assertThat(context.getBean(KillSwitch.class).isEngaged()).isTrue();
			ChatModel model = context.getBean(ChatModel.class);
			assertThatExceptionOfType(KillSwitchEngagedException.class).isThrownBy(() -> model.call(new Prompt("hi")));
			assertThat(this.modelCalls).hasValue(0);
		});
	}

	@Test
	void wrapsTheGuardedModelAsWellAsAPlainOne() {
		runner().run((context) -> assertThat(context.getBean(ChatModel.class).toString())
			.contains(KillSwitchChatModel.class.getSimpleName()));
		runner().withPropertyValues("ai.security.input.enabled=false")
			.run((context) -> assertThat(context.getBean(ChatModel.class)).isInstanceOf(KillSwitchChatModel.class));
	}

}
