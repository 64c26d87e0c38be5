package dev.aisecurity.test.redteam;

import java.util.Objects;

import org.springframework.ai.chat.client.ChatClient;

/**
 * Attacks a Spring AI {@link ChatClient} in-process: each attack is one user message, an
 * {@code AiGuardException} is a block, the answer's content is judged. Raw-body attacks
 * are skipped.
 */
public final class ChatClientTarget implements AttackTarget {

	private final ChatClient chatClient;

	private final boolean stream;

	private ChatClientTarget(ChatClient chatClient, boolean stream) {
		this.chatClient = Objects.requireNonNull(chatClient, "chatClient");
		this.stream = stream;
	}

	/**
	 * A target that calls {@code prompt().user(message).call().content()}.
	 * @param chatClient the client, built as the application builds it
	 * @return the target
	 */
	public static ChatClientTarget call(ChatClient chatClient) {
		return new ChatClientTarget(chatClient, false);
	}

	/**
	 * A target that streams {@code prompt().user(message).stream().content()} and joins
	 * the chunks.
	 * @param chatClient the client
	 * @return the target
	 */
	public static ChatClientTarget stream(ChatClient chatClient) {
		return new ChatClientTarget(chatClient, true);
	}

	@Override
	public TargetResponse send(Attack attack) {
		StringBuilder answer = new StringBuilder();
		try {
			if (this.stream) {
				this.chatClient.prompt().user(attack.text()).stream().content().doOnNext(answer::append).blockLast();
			}
			else {
				String content = this.chatClient.prompt().user(attack.text()).call().content();
				answer.append((content != null) ? content : "");
			}
			return TargetResponse.answer(answer.toString());
		}
		catch (RuntimeException ex) {
			// what a stream emitted before it failed is judged too
			return new TargetResponse(-1, "text/plain", answer.toString(), ex);
		}
	}

	@Override
	public String name() {
		return "ChatClient " + (this.stream ? "stream" : "call");
	}

}
