package dev.aisecurity.vault.transit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.util.Assert;

/**
 * A {@link ChatMemoryRepository} decorator that keeps message text encrypted with Vault
 * Transit in the underlying store. Conversation memory holds raw prompts and answers, so
 * a database dump or backup must not reveal them.
 * <p>
 * On save, the text of user, system and assistant messages, tool-call arguments and tool
 * responses are replaced by Transit ciphertexts; on read they are decrypted. Values that
 * are not ciphertexts (memory written before encryption was switched on) are returned as
 * they are and encrypted on the next save. Conversation ids and message types stay in
 * clear text, because stores index them. A value that fails to decrypt is an error, never
 * silently dropped or returned as ciphertext.
 */
public class EncryptingChatMemoryRepository implements ChatMemoryRepository {

	private final ChatMemoryRepository delegate;

	private final TransitTextEncryptor encryptor;

	public EncryptingChatMemoryRepository(ChatMemoryRepository delegate, TransitTextEncryptor encryptor) {
		Assert.notNull(delegate, "delegate must not be null");
		Assert.notNull(encryptor, "encryptor must not be null");
		this.delegate = delegate;
		this.encryptor = encryptor;
	}

	/** The decorated repository, which only ever sees ciphertexts. */
	public ChatMemoryRepository getDelegate() {
		return this.delegate;
	}

	@Override
	public List<String> findConversationIds() {
		return this.delegate.findConversationIds();
	}

	@Override
	public List<Message> findByConversationId(String conversationId) {
		return transformAll(this.delegate.findByConversationId(conversationId), this::decryptIfEncrypted);
	}

	@Override
	public void saveAll(String conversationId, List<Message> messages) {
		this.delegate.saveAll(conversationId, transformAll(messages, this::encryptIfPlain));
	}

	@Override
	public void deleteByConversationId(String conversationId) {
		this.delegate.deleteByConversationId(conversationId);
	}

	/**
	 * Re-encrypt every stored conversation with the latest Transit key version (after a
	 * key rotation) without the plaintext leaving Vault; legacy plaintext is encrypted.
	 * @return the number of conversations rewritten
	 */
	public int rewrapAll() {
		int rewritten = 0;
		for (String conversationId : this.delegate.findConversationIds()) {
			List<Message> stored = this.delegate.findByConversationId(conversationId);
			this.delegate.saveAll(conversationId, transformAll(stored, this::rewrapOrEncrypt));
			rewritten++;
		}
		return rewritten;
	}

	private String encryptIfPlain(String value) {
		return TransitTextEncryptor.isEncrypted(value) ? value : this.encryptor.encrypt(value);
	}

	private String decryptIfEncrypted(String value) {
		return TransitTextEncryptor.isEncrypted(value) ? this.encryptor.decrypt(value) : value;
	}

	private String rewrapOrEncrypt(String value) {
		return TransitTextEncryptor.isEncrypted(value) ? this.encryptor.rewrap(value) : this.encryptor.encrypt(value);
	}

	private static List<Message> transformAll(List<Message> messages, UnaryOperator<String> transform) {
		List<Message> result = new ArrayList<>(messages.size());
		for (Message message : messages) {
			result.add(transform(message, transform));
		}
		return result;
	}

	static Message transform(Message message, UnaryOperator<String> transform) {
		UnaryOperator<String> nullSafe = (value) -> (value == null || value.isEmpty()) ? value : transform.apply(value);
		if (message instanceof UserMessage user) {
			return user.mutate().text(nullSafe.apply(user.getText())).build();
		}
		if (message instanceof SystemMessage system) {
			return system.mutate().text(nullSafe.apply(system.getText())).build();
		}
		if (message instanceof AssistantMessage assistant) {
			List<AssistantMessage.ToolCall> toolCalls = assistant.getToolCalls()
				.stream()
				.map((call) -> new AssistantMessage.ToolCall(call.id(), call.type(), call.name(),
						nullSafe.apply(call.arguments())))
				.toList();
			return assistant.mutate().content(nullSafe.apply(assistant.getText())).toolCalls(toolCalls).build();
		}
		if (message instanceof ToolResponseMessage tool) {
			List<ToolResponseMessage.ToolResponse> responses = tool.getResponses()
				.stream()
				.map((response) -> new ToolResponseMessage.ToolResponse(response.id(), response.name(),
						nullSafe.apply(response.responseData())))
				.toList();
			return ToolResponseMessage.builder().responses(responses).metadata(tool.getMetadata()).build();
		}
		// Fail closed: an unknown message type could carry text we cannot protect.
		throw new IllegalArgumentException(
				"Unsupported message type for encrypted memory: " + message.getClass().getName());
	}

}
