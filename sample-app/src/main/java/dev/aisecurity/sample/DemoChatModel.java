package dev.aisecurity.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A deterministic, offline and deliberately naive chat model, so the guards have
 * something to stop:
 * <ul>
 * <li>{@code repeat after me: X} answers exactly X;</li>
 * <li>asked for its instructions or system prompt, it returns the system prompt
 * verbatim;</li>
 * <li>{@code look up customer N} returns a made-up customer record with name, e-mail,
 * phone number and a (test) card number;</li>
 * <li>anything else gets a short canned answer.</li>
 * </ul>
 * Streams split the answer into several small chunks.
 */
public class DemoChatModel implements ChatModel {

	/** Prefix of the echo command. */
	public static final String REPEAT = "repeat after me:";

	/** Prefix of the customer look-up command. */
	public static final String LOOK_UP = "look up customer";

	/** The answer to anything else. */
	public static final String CANNED = "I am the offline demo model. Try \"repeat after me: ...\", "
			+ "\"look up customer 7\" or ask me for my instructions.";

	private static final int CHUNK = 6;

	private static final String[] FIRST_NAMES = { "Alice", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace",
			"Hiro", "Ines", "Jonas" };

	private static final String[] LAST_NAMES = { "Martin", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt",
			"Tanaka", "Umar", "Varga" };

	/** Well-known card-network test numbers: Luhn-valid, never issued to anyone. */
	private static final String[] TEST_CARDS = { "4111 1111 1111 1111", "5555 5555 5555 4444", "4012 8888 8888 1881",
			"3782 822463 10005" };

	@Override
	public ChatResponse call(Prompt prompt) {
		return response(answer(prompt));
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.fromIterable(chunks(answer(prompt))).map(DemoChatModel::response);
	}

	/**
	 * The answer to a prompt.
	 */
	static String answer(Prompt prompt) {
		String question = lastUserText(prompt).strip();
		String lower = question.toLowerCase(Locale.ROOT);
		if (lower.startsWith(REPEAT)) {
			return question.substring(REPEAT.length()).strip();
		}
		if (lower.contains("system prompt") || lower.contains("your instructions") || lower.contains("your prompt")
				|| lower.contains("instructions you")) {
			return systemText(prompt);
		}
		if (lower.startsWith(LOOK_UP)) {
			return customer(lower.substring(LOOK_UP.length()).strip());
		}
		return CANNED;
	}

	private static String customer(String idText) {
		long id = 0;
		for (int i = 0; i < idText.length() && i < 9; i++) {
			char c = idText.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			id = id * 10 + (c - '0');
		}
		int n = (int) (id % 100);
		String first = FIRST_NAMES[n % FIRST_NAMES.length];
		String last = LAST_NAMES[(n / FIRST_NAMES.length) % LAST_NAMES.length];
		return "Customer " + id + ": " + first + " " + last + ", e-mail " + first.toLowerCase(Locale.ROOT) + "."
				+ last.toLowerCase(Locale.ROOT) + "@example.com, phone +1 202-555-01" + String.format("%02d", n)
				+ ", card " + TEST_CARDS[n % TEST_CARDS.length] + ".";
	}

	private static String lastUserText(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		for (int i = messages.size() - 1; i >= 0; i--) {
			Message message = messages.get(i);
			if (message.getMessageType() == MessageType.USER && message.getText() != null) {
				return message.getText();
			}
		}
		return "";
	}

	private static String systemText(Prompt prompt) {
		StringBuilder text = new StringBuilder();
		for (Message message : prompt.getInstructions()) {
			if (message.getMessageType() == MessageType.SYSTEM && message.getText() != null) {
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(message.getText());
			}
		}
		return text.isEmpty() ? "I have no instructions." : text.toString();
	}

	/**
	 * Split a text into chunks of a few characters, never inside a surrogate pair.
	 */
	static List<String> chunks(String text) {
		List<String> chunks = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(start + CHUNK, text.length());
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end++;
			}
			chunks.add(text.substring(start, end));
			start = end;
		}
		if (chunks.isEmpty()) {
			chunks.add("");
		}
		return chunks;
	}

	private static ChatResponse response(String text) {
		// report (estimated) usage like a real provider, so token budgets are debited
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text))),
				ChatResponseMetadata.builder().usage(new DefaultUsage(0, (text.length() + 3) / 4)).build());
	}

}
